using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace PasswordSafe.Benchmarks;

/// <summary>What the numbers were measured on: they mean little without the machine, runtime and its load.</summary>
internal static class EnvironmentReport
{
    public static string BuildConfiguration =>
        typeof(EnvironmentReport).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown";

    /// <summary>The 1/5/15-minute load averages on Linux (other helpers may share the machine); "n/a" elsewhere.</summary>
    public static string LoadAverage()
    {
        try
        {
            if (File.Exists("/proc/loadavg"))
            {
                var parts = File.ReadAllText("/proc/loadavg").Split(' ');
                return $"{parts[0]} {parts[1]} {parts[2]}";
            }
        }
        catch (IOException)
        {
            // Informational only.
        }

        return "n/a";
    }

    /// <summary>The largest CPU cache as Linux reports it (the GC sizes its young generation from it); "unknown" elsewhere.</summary>
    public static string LastLevelCache()
    {
        try
        {
            const string Caches = "/sys/devices/system/cpu/cpu0/cache";
            if (Directory.Exists(Caches))
            {
                string? largest = null;
                var highest = 0;
                foreach (var index in Directory.GetDirectories(Caches, "index*"))
                {
                    var size = Path.Combine(index, "size");
                    var level = Path.Combine(index, "level");
                    if (File.Exists(size) && File.Exists(level) && int.TryParse(File.ReadAllText(level).Trim(), out var number) && number > highest)
                    {
                        highest = number;
                        largest = $"L{number} {File.ReadAllText(size).Trim()}";
                    }
                }

                return largest == null ? "cache size unknown" : largest + " on this machine";
            }
        }
        catch (IOException)
        {
            // Informational only.
        }

        return "cache size unknown";
    }

    /// <summary>
    /// Where the gen-0 budget comes from: it decides how much garbage a listing piles up before a collection, so the
    /// peak-memory column depends on it (README, Benchmark).
    /// </summary>
    public static string YoungGenerationBudget()
    {
        var configured = Environment.GetEnvironmentVariable("DOTNET_GCgen0size");
        return string.IsNullOrEmpty(configured)
            ? $"sized by the runtime from the CPU cache ({LastLevelCache()}); DOTNET_GCgen0size=0x2000000 fixes it at 32 MB"
            : $"DOTNET_GCgen0size={configured} (from the environment)";
    }

    public static void Write(TextWriter output, BenchmarkOptions options)
    {
        output.WriteLine($"Date (UTC)      {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        output.WriteLine($"Machine         {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}");
        output.WriteLine($"Runtime         {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {BuildConfiguration} build");
        output.WriteLine($"Young gen       {YoungGenerationBudget()}");
        output.WriteLine($"PowerShell      System.Management.Automation {typeof(PSObject).Assembly.GetName().Version} (hosted)");
        output.WriteLine($"Module          {options.ModuleManifest ?? "out/PasswordSafe/PasswordSafe.psd1"}");
        output.WriteLine($"Load average    {LoadAverage()} (at start)");
        output.WriteLine($"Run             {(options.Quick ? "--quick" : "full")}: {options.Accounts:N0} generated accounts, page size {options.PageSize}, " +
            $"{options.Cycles} cycles × {options.Repeats} repeats, {options.ParallelCheckouts:N0} parallel checkouts on {options.Workers} workers"
            + (options.ResponseDelayMilliseconds > 0 ? $", emulator response delay {options.ResponseDelayMilliseconds} ms per call" : ", loopback (no added latency)"));
    }
}
