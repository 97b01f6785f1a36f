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

    /// <summary>
    /// The furthest this clock runs ahead of real time: 1,000 years, far beyond anything a test needs and far short of
    /// year 9999, so every date the emulator adds to "now" (a year-long request, a secret's expiry, a token's lifetime)
    /// still fits in a <see cref="DateTimeOffset"/>. Past it, every call would fail.
    /// </summary>
    public static readonly TimeSpan MaxOffset = TimeSpan.FromDays(1000 * 366);

    /// <summary>How far this clock runs ahead of real time.</summary>
    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    /// <summary>
    /// Moves the clock forward (thread-safe). Negative values are refused: time in the emulator never runs back; so is a
    /// move past <see cref="MaxOffset"/>, which leaves the clock where it was.
    /// </summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        if (!TryAdvance(by))
        {
            throw new ArgumentOutOfRangeException(nameof(by), by,
                $"The emulator clock runs at most {MaxOffset.Days} days ahead of real time and is {Offset} ahead already.");
        }
    }

    /// <summary>Moves the clock forward by a non-negative <paramref name="by"/> unless that takes it past <see cref="MaxOffset"/>.</summary>
    internal bool TryAdvance(TimeSpan by)
    {
        while (true)
        {
            var current = Interlocked.Read(ref _offsetTicks);
            // Compared as what is left, so even TimeSpan.MaxValue cannot overflow.
            if (by.Ticks > MaxOffset.Ticks - current) return false;
            if (Interlocked.CompareExchange(ref _offsetTicks, current + by.Ticks, current) == current) return true;
        }
    }

    /// <summary>Back to real time: only a reset does this, when the state it would run back on is thrown away.</summary>
    internal void ReturnToRealTime() => Interlocked.Exchange(ref _offsetTicks, 0);
}
