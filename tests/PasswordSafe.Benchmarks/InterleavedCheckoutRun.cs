using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// The object the interleaved checkout script (<see cref="CheckoutScripts.Interleaved"/>) drives: it says which side
/// runs next, times the plain client's cycles itself, records the module cycles the script times, and meters CPU and
/// JIT work per side. All sides thus run inside ONE script invocation, in short alternating slices: no side pays a
/// fresh script invocation (and the compiling that comes with it) that another does not, and load drift on a shared
/// machine hits every side alike.
/// </summary>
public sealed class InterleavedCheckoutRun : IPlainCycle
{
    private readonly PlainClient _plain;
    private readonly AccountRef _account;
    private readonly EmulatorProcess _emulator;
    private readonly int _sideCount;
    private CpuMeter? _meter;
    private long _jitBefore;

    internal InterleavedCheckoutRun(PlainClient plain, AccountRef account, EmulatorProcess emulator, int sideCount, int expectedCycles)
    {
        _plain = plain;
        _account = account;
        _emulator = emulator;
        _sideCount = sideCount;
        Times = Enumerable.Range(0, sideCount).Select(_ => new List<long>(expectedCycles)).ToArray();
        Cpu = new CpuUse[sideCount];
        Compiled = new long[sideCount];
        Verified = new bool[sideCount];
    }

    /// <summary>Stopwatch ticks per cycle, per side (index as in the script).</summary>
    internal List<long>[] Times { get; }

    internal CpuUse[] Cpu { get; }

    internal long[] Compiled { get; }

    /// <summary>Per side: the last cycle really produced a password (a silently empty answer cannot pass for a fast one).</summary>
    internal bool[] Verified { get; }

    /// <summary>The sides in the order slice <paramref name="slice"/> runs them: rotated by one each slice.</summary>
    public int[] OrderFor(int slice) => Enumerable.Range(0, _sideCount).Select(i => (i + slice) % _sideCount).ToArray();

    public void BeginSlice()
    {
        _meter = CpuMeter.Start(_emulator);
        _jitBefore = JitInfo.GetCompiledMethodCount(currentThread: false);
    }

    public void EndSlice(int side)
    {
        Cpu[side] += _meter!.Stop();
        Compiled[side] += JitInfo.GetCompiledMethodCount(currentThread: false) - _jitBefore;
    }

    /// <summary>One plain cycle, timed here: POST Requests, GET Credentials, PUT Checkin (and GET Requests when <paramref name="readBack"/>).</summary>
    public void PlainCycle(int side, bool readBack, int durationMinutes, string reason)
    {
        var started = Stopwatch.GetTimestamp();
        _plain.CheckoutAsync(_account, durationMinutes, reason, readBack).GetAwaiter().GetResult();
        Times[side].Add(Stopwatch.GetTimestamp() - started);
        Verified[side] = true; // CheckoutAsync throws unless the credential was a non-empty string.
    }

    /// <summary>The plain cycle without timing it here (Invoke-BenchmarkPlainCycle, and side 6: the script times the call around it).</summary>
    public void PlainCycleUntimed(int durationMinutes, string reason) =>
        _plain.CheckoutAsync(_account, durationMinutes, reason).GetAwaiter().GetResult();

    public void Record(int side, long ticks) => Times[side].Add(ticks);

    public void Verify(int side, bool gotPassword) => Verified[side] = gotPassword;
}
