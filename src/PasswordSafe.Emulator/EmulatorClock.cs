using System;
using System.Threading;

namespace PasswordSafe.Emulator;

/// <summary>
/// The emulator's time: real UTC time plus an offset that tests move forward with <see cref="Advance"/>,
/// so idle timeouts (B2), token lifetimes (C3) and secret expiry (C6) can be tested without waiting.
/// Timers still run on real time; the emulator only compares timestamps, so it needs none.
/// </summary>
public sealed class EmulatorClock : TimeProvider
{
    private long _offsetTicks;

    /// <summary>How far this clock runs ahead of real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>Moves the clock forward (thread-safe). Negative values are refused: time in the emulator never runs back.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
