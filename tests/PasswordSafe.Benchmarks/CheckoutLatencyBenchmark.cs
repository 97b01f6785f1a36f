using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Part 2: one checkout cycle, cmdlets vs plain HttpClient, one after the other on the same account. Each repeat
/// runs its cycles in short slices per side, in a rotating order; the cycles of all repeats are pooled for median and p90.
/// A third, informational side is the plain client making the module's calls exactly (it also reads the request
/// back after creating it, as New-PSRequest does), which separates "more calls" from "slower calls"; a fourth runs
/// the cmdlet script with no-op cmdlets, which is what PowerShell itself costs per cycle. A fifth is the runbook
/// pattern, Use-PSCredential around a script block, which makes the plain cycle's 3 calls.
/// </summary>
internal sealed class CheckoutLatencyBenchmark
{
    public const string PlainSide = "plain HttpClient (3 calls)";
    public const string ModuleSide = "New-PSRequest | Get-PSCredential; Complete-PSRequest";
    public const string UseCredentialSide = "Use-PSCredential { … } (request, credential, check-in)";
    public const string PlainSameCallsSide = "plain HttpClient, the module's 4 calls";
    public const string NoOpSide = "the same script with no-op cmdlets";

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
        var sides = new[] { PlainSide, ModuleSide, UseCredentialSide, PlainSameCallsSide, NoOpSide };
        var samples = sides.ToDictionary(s => s, _ => new List<double>());
        var cpu = sides.ToDictionary(s => s, _ => default(CpuUse));
        var compiled = sides.ToDictionary(s => s, _ => 0L);
        // Every side runs in each round, so all reach steady state together.
        Warmup = SteadyStateWarmup.Run(() =>
        {
            foreach (var side in sides) RunBlock(side, warmupCycles, null);
        }, warmupCap, progress);

        for (var repeat = 0; repeat < repeats; repeat++)
        {
            // Short slices in rotating order: on a shared machine the load drifts within seconds, and long blocks
            // per side let that drift decide the ratio; slices give every side the same mix of quiet and busy moments.
            var times = sides.ToDictionary(s => s, _ => new List<long>(cycles));
            for (var done = 0; done < cycles; done += SliceCycles)
            {
                var slice = Math.Min(SliceCycles, cycles - done);
                for (var i = 0; i < sides.Length; i++)
                {
                    var side = sides[(i + done / SliceCycles + repeat) % sides.Length];
                    var meter = CpuMeter.Start(_emulator);
                    compiled[side] += SteadyStateWarmup.CompiledDuring(() => RunBlock(side, slice, times[side]));
                    cpu[side] += meter.Stop();
                }
            }

            foreach (var side in sides)
            {
                samples[side].AddRange(times[side].Select(Statistics.Milliseconds));
                progress($"repeat {repeat + 1}/{repeats}: {side}: median {Statistics.Median(times[side].Select(Statistics.Milliseconds)):F2} ms");
            }
        }

        return sides.Select(side => new LatencyMeasurement(side, samples[side].Count,
            Statistics.Median(samples[side]), Statistics.Percentile(samples[side], 90), samples[side].Average(),
            cpu[side].Per(samples[side].Count), compiled[side])).ToList();
    }

    private void RunBlock(string side, int cycles, List<long>? times)
    {
        if (side == ModuleSide || side == UseCredentialSide || side == NoOpSide)
        {
            var script = side == ModuleSide ? CheckoutScripts.Cycles : side == UseCredentialSide ? CheckoutScripts.UseCredentialCycles : CheckoutScripts.NoOpCycles;
            var output = _runspace.Invoke(script, new Hashtable
            {
                ["Session"] = _session,
                ["SystemId"] = _account.SystemId,
                ["AccountId"] = _account.AccountId,
                ["Count"] = cycles,
                ["Times"] = times,
            });
            if (!(output.LastOrDefault()?.BaseObject is true))
            {
                throw new InvalidOperationException($"The checkout script ({side}) returned no credential.");
            }

            return;
        }

        var readBack = side == PlainSameCallsSide;
        for (var i = 0; i < cycles; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            _plain.CheckoutAsync(_account, CheckoutScripts.DurationMinutes, CheckoutScripts.Reason, readBack).GetAwaiter().GetResult();
            times?.Add(System.Diagnostics.Stopwatch.GetTimestamp() - started);
        }
    }
}
