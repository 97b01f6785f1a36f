using System;
using System.Threading;

namespace PasswordSafe.Emulator;

/// <summary>
/// The emulator's time: real UTC time plus an offset that tests move forward with <see cref="Advance"/> (in process) or
/// <c>POST /emulator/clock</c> (out of process), so request expiry (E1), idle timeouts (B2), token lifetimes (C3), secret
/// expiry (C6) and schedule windows can be tested without waiting. Everything the emulator judges by time reads this
/// clock; it keeps no timers of its own (it compares timestamps at each call). Only real waits — the response delay
/// and late answers, which stand for network time — and the TLS certificate's validity run on real time.
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

    /// <summary>Back to real time: only a reset does this, when the state it would run back on is thrown away.</summary>
    internal void ReturnToRealTime() => Interlocked.Exchange(ref _offsetTicks, 0);
}
