using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// Issue 3's benchmark: starts the emulator as its own process, runs the three comparisons (listing, one checkout
/// cycle, parallel checkouts), prints them side by side with the targets, and explains any miss with a breakdown.
/// It prints numbers and never fails on them: the exit code is non-zero only when the run itself broke.
/// </summary>
internal static class Program
{
    private const string RunAs = "demo";
    private const double MiB = 1024.0 * 1024.0;

    private static EmulatorProcess? s_emulator;

    private static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        if (options.ShowHelp)
        {
            Console.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        // Ctrl+C must not leave the emulator process running.
        Console.CancelKeyPress += (_, _) => s_emulator?.Dispose();
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        Console.WriteLine("# PasswordSafe benchmark: module (hosted PowerShell) vs plain HttpClient + Newtonsoft");
        Console.WriteLine();
        EnvironmentReport.Write(Console.Out, options);
        if (EnvironmentReport.BuildConfiguration != "Release")
        {
            Console.WriteLine("WARNING: not a Release build; run with -c Release for numbers worth comparing.");
        }

        var clock = Stopwatch.StartNew();
        try
        {
            s_emulator = await EmulatorProcess.StartAsync(options.Accounts, options.ResponseDelayMilliseconds);
            Console.WriteLine($"Emulator        pid {s_emulator.ProcessId}, {s_emulator.RootUri} ({options.Accounts:N0} generated accounts, started in {clock.Elapsed.TotalSeconds:F1} s)");
            Run(options, s_emulator);
            Console.WriteLine($"Emulator peak resident memory {s_emulator.PeakWorkingSetBytes / MiB:F0} MB (separate process, not in the columns above).");
            Console.WriteLine($"Load average    {EnvironmentReport.LoadAverage()} (at end); total run {clock.Elapsed.TotalSeconds:F0} s");
            return 0;
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"The benchmark failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        finally
        {
            s_emulator?.Dispose();
        }
    }

    private static void Run(BenchmarkOptions options, EmulatorProcess emulator)
    {
        using var plain = new PlainClient(emulator);
        plain.SignInAsync(emulator.ApiKey, RunAs).GetAwaiter().GetResult();
        var manifest = options.ModuleManifest ?? ModuleRunspace.DefaultManifestPath;
        using var runspace = new ModuleRunspace(manifest);
        Console.WriteLine($"Module code     {runspace.ModuleAssemblyReport(out var optimized)}");
        if (!optimized)
        {
            Console.WriteLine("WARNING: the module is a Debug build; build it with -c Release (dotnet run -c Release does) for numbers worth comparing.");
        }

        Console.WriteLine();
        var session = runspace.Connect(emulator, RunAs);

        // A first listing warms the emulator's per-user view and picks the accounts the checkout runs use.
        var accounts = new List<AccountRef>();
        var census = new StreamProbe(options.PageSize);
        plain.ListAsync(options.PageSize, census, accounts, options.Workers + 1).GetAwaiter().GetResult();
        Progress($"the demo user can list {census.Count:N0} accounts");

        Console.WriteLine($"## 1. Listing {census.Count:N0} accounts (page size {options.PageSize}, median of {options.Repeats})");
        Console.WriteLine();
        var listing = new ListingBenchmark(plain, runspace, session, options.PageSize, emulator, census.Count);
        var listed = listing.Run(options.Repeats, Progress);
        var plainListing = listed.Single(m => m.Side == ListingBenchmark.PlainSide);
        var table = new TextTable("side", "wall ms", "× plain", "first object ms", "last page ms", "peak growth MB", "retained MB", "allocated MB", "gen0 GCs", "MB per gen0 GC", "gen2 GCs", "client CPU ms", "emulator CPU ms");
        foreach (var m in listed)
        {
            table.Add(m.Side, F0(m.WallMs), Ratio(m.WallMs / plainListing.WallMs), F1(m.FirstObjectMs), F0(m.LastPageMs),
                F1(m.Memory.PeakGrowthBytes / MiB), F1(m.Memory.RetainedBytes / MiB), F0(m.Memory.AllocatedBytes / MiB),
                m.Memory.Gen0Collections.ToString(CultureInfo.InvariantCulture), F0(m.Memory.AllocatedPerGen0Collection / MiB), m.Memory.Gen2Collections.ToString(),
                F0(m.Cpu.ClientMs), F0(m.Cpu.EmulatorMs));
        }

        Console.Write(table);
        Console.WriteLine("last page ms: plain = its body was read; cmdlet = its first object reached the pipeline (an upper bound of its arrival).");
        Console.WriteLine("peak growth = highest managed heap (garbage included) over a collected baseline; retained = what a full GC could not free afterwards.");
        Console.WriteLine("pre-built objects = as many objects that already exist, written one by one into the same counter: what PowerShell's pipeline"
            + " allocates per object on its own (informational: no HTTP, no parsing).");
        Console.WriteLine("MB per gen0 GC = allocation between young-generation collections: the budget the runtime sizes from the CPU cache"
            + $" ({EnvironmentReport.LastLevelCache()}); short-lived garbage piles up to about that much before it is collected.");
        Console.WriteLine();

        Console.WriteLine($"## 2. One checkout cycle: request → credential → check-in ({options.Cycles} cycles × {options.Repeats}, after warming up until the JIT settled)");
        Console.WriteLine();
        var latencyBenchmark = new CheckoutLatencyBenchmark(plain, runspace, session, accounts[0], emulator);
        var latency = latencyBenchmark.Run(options.Cycles, options.WarmupCycles, options.Repeats, options.WarmupCap, Progress);
        var plainLatency = latency.Single(m => m.Side == CheckoutLatencyBenchmark.PlainSide);
        table = new TextTable("side", "cycles", "median ms", "× plain", "p90 ms", "mean ms", "client CPU ms/cycle", "emulator CPU ms/cycle", "JIT-compiled meanwhile");
        foreach (var m in latency)
        {
            table.Add(m.Side, m.Cycles.ToString(), F2(m.MedianMs), Ratio(m.MedianMs / plainLatency.MedianMs), F2(m.P90Ms), F2(m.MeanMs),
                F2(m.CpuPerCycle.ClientMs), F2(m.CpuPerCycle.EmulatorMs), m.JitCompiled.ToString(CultureInfo.InvariantCulture));
        }

        Console.Write(table);
        Console.WriteLine(latencyBenchmark.Warmup!.Describe($"{options.WarmupCycles} cycles per side") + ".");
        Console.WriteLine();

        Console.WriteLine($"## 3. {options.ParallelCheckouts:N0} checkouts from {options.Workers} parallel workers sharing one session (median of {options.Repeats})");
        Console.WriteLine();
        IReadOnlyList<ThroughputMeasurement> parallel;
        string parallelWarmup;
        using (var parallelBenchmark = new ParallelCheckoutBenchmark(plain, session, accounts.Skip(1).ToList(), manifest, emulator))
        {
            parallel = parallelBenchmark.Run(options.ParallelCheckouts, options.Workers, options.Repeats, options.WarmupCap, Progress);
            parallelWarmup = parallelBenchmark.Warmup!.Describe($"{Math.Min(options.ParallelCheckouts, options.Workers * 10)} checkouts per side");
        }

        var plainParallel = parallel.Single(m => m.Side == ParallelCheckoutBenchmark.PlainSide);
        table = new TextTable("side", "checkouts", "workers", "wall ms", "checkouts/s", "× plain", "client CPU ms/checkout", "emulator CPU ms/checkout");
        foreach (var m in parallel)
        {
            table.Add(m.Side, m.Checkouts.ToString("N0"), m.Workers.ToString(), F0(m.WallMs), F0(m.PerSecond), Ratio(m.PerSecond / plainParallel.PerSecond),
                F2(m.CpuPerCheckout.ClientMs), F2(m.CpuPerCheckout.EmulatorMs));
        }

        Console.Write(table);
        Console.WriteLine(parallelWarmup + ".");
        Console.WriteLine();

        var moduleListing = listed.Single(m => m.Side == ListingBenchmark.SinkSide);
        var moduleLatency = latency.Single(m => m.Side == CheckoutLatencyBenchmark.ModuleSide);
        var moduleParallel = parallel.Single(m => m.Side == ParallelCheckoutBenchmark.ModuleSide);
        var useCredentialLatency = latency.Single(m => m.Side == CheckoutLatencyBenchmark.UseCredentialSide);
        var useCredentialParallel = parallel.Single(m => m.Side == ParallelCheckoutBenchmark.UseCredentialSide);
        Console.WriteLine("## Targets");
        Console.WriteLine();
        table = new TextTable("target", "measured", "met");
        Target(table, "listing time ≤ 1.3× plain", Ratio(moduleListing.WallMs / plainListing.WallMs), moduleListing.WallMs / plainListing.WallMs <= 1.3);
        Target(table, "listing peak memory growth < 50 MB", F1(moduleListing.Memory.PeakGrowthBytes / MiB) + " MB", moduleListing.Memory.PeakGrowthBytes < 50 * MiB);
        Target(table, "first object before the last page", $"{F1(moduleListing.FirstObjectMs)} ms vs {F0(moduleListing.LastPageMs)} ms",
            moduleListing.FirstObjectMs < moduleListing.LastPageMs);
        Target(table, "checkout median ≤ 1.15× plain", Ratio(moduleLatency.MedianMs / plainLatency.MedianMs), moduleLatency.MedianMs / plainLatency.MedianMs <= 1.15);
        Target(table, "parallel throughput ≥ 0.8× plain", Ratio(moduleParallel.PerSecond / plainParallel.PerSecond), moduleParallel.PerSecond / plainParallel.PerSecond >= 0.8);
        // The same two targets for the runbook pattern (Use-PSCredential: the plain cycle's 3 calls in one cmdlet).
        Target(table, "checkout median ≤ 1.15× plain, Use-PSCredential", Ratio(useCredentialLatency.MedianMs / plainLatency.MedianMs),
            useCredentialLatency.MedianMs / plainLatency.MedianMs <= 1.15);
        Target(table, "parallel throughput ≥ 0.8× plain, Use-PSCredential", Ratio(useCredentialParallel.PerSecond / plainParallel.PerSecond),
            useCredentialParallel.PerSecond / plainParallel.PerSecond >= 0.8);
        Console.Write(table);
        Console.WriteLine();

        Console.WriteLine("## Breakdown");
        Console.WriteLine();
        Console.WriteLine($"Listing, per step (sampled pages, best of 3, scaled to {census.Count:N0} items):");
        table = new TextTable("step", "per page ms", "per listing ms", "allocated KB/page");
        table.Add("plain: HTTP send + read body (measured in the runs)", "", F0(listing.LastPlainSplit.HttpMs), "");
        foreach (var (step, perPage, perListing, allocatedKb) in new ListingBreakdown(plain, options.PageSize).Measure(census.Count))
        {
            table.Add(step, F2(perPage), F0(perListing), F0(allocatedKb));
        }

        table.Add("module: whole listing into the compiled counter (measured)", "", F0(moduleListing.WallMs), "");
        table.Add("plain: whole listing (measured)", "", F0(plainListing.WallMs), "");
        Console.Write(table);
        Console.WriteLine();
        Console.WriteLine($"Checkout cycle, per step (median of {options.Cycles} more cycles each):");
        table = new TextTable("step", "plain ms", "module ms", "× plain");
        var steps = CheckoutStepBreakdown.Measure(plain, runspace, session, accounts[0], options.Cycles);
        for (var i = 0; i < steps.Count; i++)
        {
            table.Add(CheckoutStepBreakdown.Steps[i], F2(steps[i].PlainMs), F2(steps[i].ModuleMs), Ratio(steps[i].ModuleMs / steps[i].PlainMs));
        }

        Console.Write(table);
        Console.WriteLine();
        Console.WriteLine("HTTP calls of one cmdlet checkout cycle (from -Verbose; the plain cycle makes the first, third and fourth):");
        foreach (var call in CheckoutCallTrace.Calls(runspace, session, accounts[0], emulator.BaseUri))
        {
            Console.WriteLine("  " + call);
        }

        Console.WriteLine();
        plain.SignOutAsync().GetAwaiter().GetResult();
    }

    private static void Target(TextTable table, string target, string measured, bool met) => table.Add(target, measured, met ? "yes" : "NO");

    private static void Progress(string message) => Console.Error.WriteLine("  … " + message);

    private static string F0(double value) => value.ToString("F0", CultureInfo.InvariantCulture);

    private static string F1(double value) => value.ToString("F1", CultureInfo.InvariantCulture);

    private static string F2(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "×";
}
