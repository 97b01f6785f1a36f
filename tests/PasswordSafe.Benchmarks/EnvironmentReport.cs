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

    public static void Write(TextWriter output, BenchmarkOptions options)
    {
        output.WriteLine($"Date (UTC)      {DateTime.UtcNow:yyyy-MM-dd HH:mm}");
        output.WriteLine($"Machine         {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}");
        output.WriteLine($"Runtime         {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {BuildConfiguration} build");
        output.WriteLine($"PowerShell      System.Management.Automation {typeof(PSObject).Assembly.GetName().Version} (hosted)");
        output.WriteLine($"Module          {options.ModuleManifest ?? "out/PasswordSafe/PasswordSafe.psd1"}");
        output.WriteLine($"Load average    {LoadAverage()} (at start)");
        output.WriteLine($"Run             {(options.Quick ? "--quick" : "full")}: {options.Accounts:N0} generated accounts, page size {options.PageSize}, " +
            $"{options.Cycles} cycles × {options.Repeats} repeats, {options.ParallelCheckouts:N0} parallel checkouts on {options.Workers} workers");
    }
}
