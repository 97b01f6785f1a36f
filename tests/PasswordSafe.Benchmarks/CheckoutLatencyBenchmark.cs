using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Part 2: one checkout cycle, cmdlets vs plain HttpClient, one after the other on the same account. Each repeat is
/// one invocation of <see cref="CheckoutScripts.Interleaved"/>, in which every side runs its cycles in short slices,
/// in a rotating order (see <see cref="InterleavedCheckoutRun"/>); the cycles of all repeats are pooled for median and p90.
/// A third, informational side is the plain client making the module's calls exactly (it also reads the request
/// back after creating it, as New-PSRequest does), which separates "more calls" from "slower calls"; a fourth runs
/// the cmdlet script with no-op cmdlets, which is what PowerShell itself costs per cycle. A fifth is the runbook
/// pattern, Use-PSCredential around a script block, which makes the plain cycle's 3 calls. A sixth runs the plain
/// cycle inside one compiled cmdlet: the floor for any cmdlet that blocks for its HTTP calls. A seventh calls the
/// plain cycle as a .NET method from the script and times it there, as the cmdlet sides are timed: it separates what
/// the script's timing adds from what invoking a cmdlet between HTTP calls costs (more than the no-op side shows:
/// one no-op cmdlet after blocking HTTP calls measured 30–40 µs, against 8 µs in a tight loop of no-op cmdlets).
/// </summary>
internal sealed class CheckoutLatencyBenchmark
{
    public const string PlainSide = "plain HttpClient (3 calls)";
    public const string ModuleSide = "New-PSRequest | Get-PSCredential; Complete-PSRequest";
    public const string UseCredentialSide = "Use-PSCredential { … } (request, credential, check-in)";
    public const string PlainSameCallsSide = "plain HttpClient, the module's 4 calls";
    public const string NoOpSide = "the same script with no-op cmdlets";
    public const string PlainInCmdletSide = "plain HttpClient's 3 calls inside one cmdlet";
    public const string PlainScriptTimedSide = "plain HttpClient, called and timed from the script";

    /// <summary>Cycles each side runs before the next side's turn.</summary>
    private const int SliceCycles = 20;

    private readonly PlainClient _plain;
    private readonly ModuleRunspace _runspace;
    private readonly object _session;
    private readonly AccountRef _account;
    private readonly EmulatorProcess _emulator;

    public CheckoutLatencyBenchmark(PlainClient plain, ModuleRunspace runspace, object session, AccountRef account, EmulatorProcess emulator)
    {
        _emulator = emulator;
        _plain = plain;
        _runspace = runspace;
        _session = session;
        _account = account;
    }

    /// <summary>How the warm-up before the measured cycles ended.</summary>
    public WarmupResult? Warmup { get; private set; }

    public IReadOnlyList<LatencyMeasurement> Run(int cycles, int warmupCycles, int repeats, TimeSpan warmupCap, Action<string> progress)
    {
        // Index = the side's number in CheckoutScripts.Interleaved.
        var sides = new[] { PlainSide, ModuleSide, UseCredentialSide, PlainSameCallsSide, NoOpSide, PlainInCmdletSide, PlainScriptTimedSide };
        // The warm-up runs the very script that is measured, so what it warms is what runs.
        Warmup = SteadyStateWarmup.Run(() => RunInterleaved(sides.Length, Math.Max(1, warmupCycles / SliceCycles)), warmupCap, progress);

        var samples = sides.Select(_ => new List<double>()).ToArray();
        var cpu = new CpuUse[sides.Length];
        var compiled = new long[sides.Length];
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var run = RunInterleaved(sides.Length, (cycles + SliceCycles - 1) / SliceCycles);
            for (var side = 0; side < sides.Length; side++)
            {
                samples[side].AddRange(run.Times[side].Select(Statistics.Milliseconds));
                cpu[side] += run.Cpu[side];
                compiled[side] += run.Compiled[side];
                progress($"repeat {repeat + 1}/{repeats}: {sides[side]}: median {Statistics.Median(run.Times[side].Select(Statistics.Milliseconds)):F2} ms");
            }
        }

        return sides.Select((side, i) => new LatencyMeasurement(side, samples[i].Count,
            Statistics.Median(samples[i]), Statistics.Percentile(samples[i], 90), samples[i].Average(),
            cpu[i].Per(samples[i].Count), compiled[i])).ToList();
    }

    /// <summary>One invocation of the interleaved script: <paramref name="slices"/> slices of every side.</summary>
    private InterleavedCheckoutRun RunInterleaved(int sideCount, int slices)
    {
        var run = new InterleavedCheckoutRun(_plain, _account, _emulator, sideCount, slices * SliceCycles);
        _runspace.Invoke(CheckoutScripts.Interleaved, new Hashtable
        {
            ["Session"] = _session,
            ["SystemId"] = _account.SystemId,
            ["AccountId"] = _account.AccountId,
            ["Slices"] = slices,
            ["SliceCycles"] = SliceCycles,
            ["Run"] = run,
        });
        var unverified = Enumerable.Range(0, sideCount).Where(side => !run.Verified[side]).ToList();
        if (unverified.Count > 0)
        {
            throw new InvalidOperationException($"The interleaved checkout script got no password on side(s) {string.Join(", ", unverified)}.");
        }

        return run;
    }
}
