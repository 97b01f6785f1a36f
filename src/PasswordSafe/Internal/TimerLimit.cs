using System;
using System.Threading;

namespace PasswordSafe.Internal;

/// <summary>
/// The longest delay a timer (<see cref="CancellationTokenSource"/>, <see cref="System.Threading.Tasks.Task.Delay(TimeSpan)"/>)
/// takes on every runtime the module runs on: .NET Framework (Windows PowerShell 5.1) refuses more than
/// <see cref="int.MaxValue"/> milliseconds, .NET (PowerShell 7) more than 0xFFFFFFFE ms; either throws
/// ArgumentOutOfRangeException, which would crash every call of a session.
/// </summary>
internal static class TimerLimit
{
    /// <summary>2147483 s (24 days, 20 hours): the whole seconds within int.MaxValue milliseconds. For ValidateRange.</summary>
    public const int MaxSeconds = int.MaxValue / 1000;

    public static readonly TimeSpan Max = TimeSpan.FromSeconds(MaxSeconds);

    /// <summary>The delay itself, at most <see cref="Max"/>; infinite (-1 ms) stays infinite.</summary>
    public static TimeSpan Clamp(TimeSpan delay) =>
        delay == Timeout.InfiniteTimeSpan ? delay : delay > Max ? Max : delay;
}
