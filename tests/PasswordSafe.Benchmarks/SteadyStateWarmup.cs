using System;
using System.Diagnostics;
using System.Runtime;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Warms up until the JIT has settled instead of for a fixed number of cycles. The runtime compiles a method
/// quickly first and again, optimised (with profile data), once it is hot, on a background thread; PowerShell's
/// engine is large, so its hot paths keep being recompiled for thousands of cycles. A latency measured during that
/// time measures the compiler running on the same two cores (seen: 2.1 ms per cycle at first, 0.4–0.5 ms once
/// settled), and the plain side, with far less code, settles much sooner, so a fixed short warm-up is unfair to
/// whichever side has more code. The JIT counts as settled after three rounds in a row that compile at most a handful of methods.
/// </summary>
internal static class SteadyStateWarmup
{
    /// <summary>Methods a round may still compile and count as settled (stray first-time paths, timers).</summary>
    public const int SettledBelow = 10;

    /// <summary>Consecutive quiet rounds that count as settled.</summary>
    public const int QuietRoundsNeeded = 3;

    /// <summary>Runs <paramref name="round"/> until <see cref="QuietRoundsNeeded"/> rounds in a row compile at most <see cref="SettledBelow"/> methods, or until <paramref name="cap"/> has passed.</summary>
    public static WarmupResult Run(Action round, TimeSpan cap, Action<string> progress)
    {
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        var quietRounds = 0;
        while (true)
        {
            var before = JitInfo.GetCompiledMethodCount(currentThread: false);
            round();
            rounds++;
            var compiled = JitInfo.GetCompiledMethodCount(currentThread: false) - before;
            progress($"warm-up round {rounds}: {compiled} methods JIT-compiled");
            // One quiet round can be luck (the runtime delays tier-up while new code keeps running); three in a row is not.
            quietRounds = compiled <= SettledBelow ? quietRounds + 1 : 0;
            if (quietRounds >= QuietRoundsNeeded)
            {
                return new WarmupResult(rounds, watch.Elapsed, compiled, Settled: true);
            }

            if (watch.Elapsed > cap)
            {
                return new WarmupResult(rounds, watch.Elapsed, compiled, Settled: false);
            }
        }
    }

    /// <summary>Methods JIT-compiled while <paramref name="measured"/> ran: near zero when the warm-up did its job.</summary>
    public static long CompiledDuring(Action measured)
    {
        var before = JitInfo.GetCompiledMethodCount(currentThread: false);
        measured();
        return JitInfo.GetCompiledMethodCount(currentThread: false) - before;
    }
}
