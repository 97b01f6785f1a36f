using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Part 1: listing every account. The plain loop vs <c>Get-PSManagedAccount</c> consumed by a compiled counting sink
/// (the module's own cost) and by <c>ForEach-Object</c> (what a script pays on top for a script block per item). A
/// fourth, informational side writes as many objects that already exist into the same sink: PowerShell's own
/// allocation per object passed along a pipeline, a floor under any listing cmdlet's memory figures.
/// Sides run in a rotating order in every repeat; each metric's median over the repeats is reported.
/// </summary>
internal sealed class ListingBenchmark
{
    public const string PlainSide = "plain HttpClient + Newtonsoft";
    public const string SinkSide = "Get-PSManagedAccount | (compiled counter)";
    public const string ForEachSide = "Get-PSManagedAccount | ForEach-Object {…}";
    public const string PipelineOnlySide = "pre-built objects | (compiled counter)";

    private const string SinkScript = "param($Session, $Probe, $PageSize) Get-PSManagedAccount -Session $Session -PageSize $PageSize | Measure-BenchmarkStream -Probe $Probe";
    private const string ForEachScript = "param($Session, $Probe, $PageSize) Get-PSManagedAccount -Session $Session -PageSize $PageSize | ForEach-Object { $Probe.Observe() }";
    private const string PipelineOnlyScript = "param($Objects, $Probe) Write-BenchmarkObjects -Source $Objects | Measure-BenchmarkStream -Probe $Probe";

    private readonly PlainClient _plain;
    private readonly ModuleRunspace _runspace;
    private readonly object _session;
    private readonly int _pageSize;
    private readonly EmulatorProcess _emulator;
    private readonly PrebuiltObjects _prebuilt;

    public ListingBenchmark(PlainClient plain, ModuleRunspace runspace, object session, int pageSize, EmulatorProcess emulator, long items)
    {
        // Built before any measurement, so they are part of every side's collected baseline, not of its growth.
        _prebuilt = new PrebuiltObjects(items);
        _emulator = emulator;
        _plain = plain;
        _runspace = runspace;
        _session = session;
        _pageSize = pageSize;
    }

    /// <summary>Milliseconds the plain loop spent in HTTP and in JSON during its last run (for the breakdown).</summary>
    public (double HttpMs, double JsonMs) LastPlainSplit { get; private set; }

    public IReadOnlyList<ListingMeasurement> Run(int repeats, Action<string> progress)
    {
        var sides = new[] { PlainSide, SinkSide, ForEachSide, PipelineOnlySide };
        foreach (var side in sides)
        {
            progress($"warm-up: {side}");
            Measure(side);
        }

        var all = new List<ListingMeasurement>();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            for (var i = 0; i < sides.Length; i++)
            {
                var side = sides[(i + repeat) % sides.Length];
                var result = Measure(side);
                progress($"repeat {repeat + 1}/{repeats}: {side}: {result.Items} items in {result.WallMs:F0} ms");
                all.Add(result);
            }
        }

        return sides.Select(side => MedianOf(side, all.Where(m => m.Side == side).ToList())).ToList();
    }

    private ListingMeasurement Measure(string side)
    {
        var probe = new StreamProbe(_pageSize);
        using var sampler = MemorySampler.Start();
        var cpu = CpuMeter.Start(_emulator);
        var started = Stopwatch.GetTimestamp();
        if (side == PlainSide)
        {
            _plain.ListAsync(_pageSize, probe).GetAwaiter().GetResult();
            LastPlainSplit = (Statistics.Milliseconds(_plain.HttpTicks), Statistics.Milliseconds(_plain.JsonTicks));
        }
        else if (side == PipelineOnlySide)
        {
            _runspace.Invoke(PipelineOnlyScript, new Hashtable { ["Objects"] = _prebuilt, ["Probe"] = probe });
        }
        else
        {
            _runspace.Invoke(side == SinkSide ? SinkScript : ForEachScript,
                new Hashtable { ["Session"] = _session, ["Probe"] = probe, ["PageSize"] = _pageSize });
        }

        var finished = Stopwatch.GetTimestamp();
        var cpuUse = cpu.Stop();
        var memory = sampler.Stop();
        // The plain loop knows when the last body was read; the cmdlet side is bounded by the last page's first object.
        var lastPage = probe.LastPageReceivedTimestamp != 0 ? probe.LastPageReceivedTimestamp : probe.PageStartTimestamp;
        return new ListingMeasurement(side, probe.Count, Statistics.Milliseconds(finished - started),
            Statistics.Milliseconds(probe.FirstItemTimestamp - started), Statistics.Milliseconds(lastPage - started), memory, cpuUse);
    }

    private static ListingMeasurement MedianOf(string side, IReadOnlyList<ListingMeasurement> runs) => new(
        side,
        runs[0].Items,
        Statistics.Median(runs.Select(r => r.WallMs)),
        Statistics.Median(runs.Select(r => r.FirstObjectMs)),
        Statistics.Median(runs.Select(r => r.LastPageMs)),
        new MemoryUse(
            (long)Statistics.Median(runs.Select(r => (double)r.Memory.PeakGrowthBytes)),
            (long)Statistics.Median(runs.Select(r => (double)r.Memory.AllocatedBytes)),
            (int)Statistics.Median(runs.Select(r => (double)r.Memory.Gen2Collections)),
            (long)Statistics.Median(runs.Select(r => (double)r.Memory.RetainedBytes)),
            (int)Statistics.Median(runs.Select(r => (double)r.Memory.Gen0Collections))),
        new CpuUse(Statistics.Median(runs.Select(r => r.Cpu.ClientMs)), Statistics.Median(runs.Select(r => r.Cpu.EmulatorMs))));
}
