using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Part 3: many checkouts at once through one shared session. The module side is N runspaces (module imported in
/// each, created once) looping with <c>-Session $s</c>; the plain side is N tasks on one signed-in HttpClient.
/// Each worker owns one account, so workers never conflict (409 4091) with each other. A third side runs the runspaces
/// with the Use-PSCredential runbook pattern instead of the three cmdlets. Two explanatory sides run the plain cycle in
/// the runspaces (inside one compiled cmdlet, and as a method call from the script): they show what runspace threads
/// that block for their calls cost on their own, against tasks that never block.
/// </summary>
internal sealed class ParallelCheckoutBenchmark : IDisposable
{
    public const string PlainSide = "plain HttpClient, parallel tasks";
    public const string ModuleSide = "runspaces sharing one session";
    public const string UseCredentialSide = "runspaces sharing one session, Use-PSCredential";

    /// <summary>Explanatory: the plain cycle inside one compiled cmdlet in each runspace, the floor for any cmdlet that blocks for its calls.</summary>
    public const string PlainInCmdletSide = "runspaces, plain HttpClient's 3 calls inside one cmdlet";

    /// <summary>Explanatory: the plain cycle called as a method from each runspace's script: runspace threads that block, no cmdlet.</summary>
    public const string PlainFromScriptSide = "runspaces, plain HttpClient called from the script";

    private readonly PlainClient _plain;
    private readonly object _session;
    private readonly IReadOnlyList<AccountRef> _accounts;
    private readonly string _manifestPath;
    private readonly EmulatorProcess _emulator;
    private readonly List<ModuleRunspace> _runspaces = new();

    public ParallelCheckoutBenchmark(PlainClient plain, object session, IReadOnlyList<AccountRef> accounts, string manifestPath, EmulatorProcess emulator)
    {
        _emulator = emulator;
        _manifestPath = manifestPath;
        _plain = plain;
        _session = session;
        _accounts = accounts;
    }

    /// <summary>How the warm-up before the measured runs ended.</summary>
    public WarmupResult? Warmup { get; private set; }

    public IReadOnlyList<ThroughputMeasurement> Run(int checkouts, int workers, int repeats, TimeSpan warmupCap, Action<string> progress)
    {
        if (_accounts.Count < workers) throw new InvalidOperationException($"{workers} workers need {workers} accounts; the listing gave {_accounts.Count}.");
        progress($"opening {workers} runspaces (module imported in each)");
        while (_runspaces.Count < workers) _runspaces.Add(new ModuleRunspace(_manifestPath));

        var sides = new[] { PlainSide, ModuleSide, UseCredentialSide, PlainInCmdletSide, PlainFromScriptSide };
        // The checkout code is warm from part 2; the runspaces are new and the parallel paths (contended locks, the
        // shared connection pool) are not, so this warms until the JIT settles too.
        Warmup = SteadyStateWarmup.Run(() =>
        {
            foreach (var side in sides) Measure(side, Math.Min(checkouts, workers * 10), workers);
        }, warmupCap, progress);

        var runs = new List<ThroughputMeasurement>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            for (var i = 0; i < sides.Length; i++)
            {
                var side = sides[(i + repeat) % sides.Length];
                var result = Measure(side, checkouts, workers);
                progress($"repeat {repeat + 1}/{repeats}: {side}: {result.PerSecond:F0} checkouts/s");
                runs.Add(result);
            }
        }

        return sides.Select(side =>
        {
            var mine = runs.Where(r => r.Side == side).ToList();
            var wall = Statistics.Median(mine.Select(r => r.WallMs));
            var cpu = new CpuUse(Statistics.Median(mine.Select(r => r.CpuPerCheckout.ClientMs)), Statistics.Median(mine.Select(r => r.CpuPerCheckout.EmulatorMs)));
            return new ThroughputMeasurement(side, checkouts, workers, wall, checkouts * 1000.0 / wall, cpu);
        }).ToList();
    }

    public void Dispose()
    {
        foreach (var runspace in _runspaces) runspace.Dispose();
    }

    private ThroughputMeasurement Measure(string side, int checkouts, int workers)
    {
        // Spread the remainder so the counts add up to exactly `checkouts`.
        var counts = Enumerable.Range(0, workers).Select(w => checkouts / workers + (w < checkouts % workers ? 1 : 0)).ToArray();
        var meter = CpuMeter.Start(_emulator);
        var started = Stopwatch.GetTimestamp();
        if (side == PlainSide)
        {
            var tasks = Enumerable.Range(0, workers).Select(w => Task.Run(async () =>
            {
                for (var i = 0; i < counts[w]; i++)
                {
                    await _plain.CheckoutAsync(_accounts[w], CheckoutScripts.DurationMinutes, CheckoutScripts.Reason).ConfigureAwait(false);
                }
            })).ToArray();
            Task.WaitAll(tasks);
        }
        else if (side == PlainInCmdletSide || side == PlainFromScriptSide)
        {
            RunInRunspaces(counts, CheckoutScripts.PlainCycles, w => new Hashtable
            {
                ["Run"] = new AccountPlainCycle(_plain, _accounts[w]),
                ["InCmdlet"] = side == PlainInCmdletSide,
            });
        }
        else
        {
            RunInRunspaces(counts, side == UseCredentialSide ? CheckoutScripts.UseCredentialCycles : CheckoutScripts.Cycles, null);
        }

        var wall = Statistics.Milliseconds(Stopwatch.GetTimestamp() - started);
        return new ThroughputMeasurement(side, checkouts, workers, wall, checkouts * 1000.0 / wall, meter.Stop().Per(checkouts));
    }

    private void RunInRunspaces(int[] counts, string script, Func<int, Hashtable>? extraParameters)
    {
        var shells = new List<PowerShell>();
        var pending = new List<IAsyncResult>();
        try
        {
            for (var w = 0; w < counts.Length; w++)
            {
                var parameters = new Hashtable
                {
                    ["Session"] = _session,
                    ["SystemId"] = _accounts[w].SystemId,
                    ["AccountId"] = _accounts[w].AccountId,
                    ["Count"] = counts[w],
                    ["Times"] = null,
                };
                foreach (DictionaryEntry extra in extraParameters?.Invoke(w) ?? new Hashtable()) parameters[extra.Key] = extra.Value;
                var shell = _runspaces[w].Create(script, parameters);
                shells.Add(shell);
                pending.Add(shell.BeginInvoke());
            }

            for (var w = 0; w < shells.Count; w++)
            {
                var output = shells[w].EndInvoke(pending[w]);
                ModuleRunspace.ThrowOnErrors(shells[w]);
                if (!(output.LastOrDefault()?.BaseObject is true))
                {
                    throw new InvalidOperationException($"Runspace {w + 1} got no password from its checkout cycles.");
                }
            }
        }
        finally
        {
            foreach (var shell in shells) shell.Dispose();
        }
    }
}
