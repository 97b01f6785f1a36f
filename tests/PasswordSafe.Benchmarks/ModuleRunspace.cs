using System;
using System.Collections;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;

namespace PasswordSafe.Benchmarks;

/// <summary>
/// One hosted PowerShell runspace with the built module imported through its manifest (exactly what users import)
/// and the benchmark's sink and no-op cmdlets. Scripts get their inputs as parameters, so secrets never appear in script text.
/// </summary>
internal sealed class ModuleRunspace : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleRunspace(string manifestPath)
    {
        if (!File.Exists(manifestPath))
        {
            throw new FileNotFoundException($"No module manifest at {manifestPath}; build the module (dotnet run builds it first) or pass --module.", manifestPath);
        }

        var state = InitialSessionState.CreateDefault2();
        state.Commands.Add(new SessionStateCmdletEntry("Measure-BenchmarkStream", typeof(MeasureStreamCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Invoke-BenchmarkNoOp", typeof(NoOpCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Write-BenchmarkObjects", typeof(WriteObjectsCommand), null));
        state.Commands.Add(new SessionStateCmdletEntry("Invoke-BenchmarkPlainCycle", typeof(PlainCycleCommand), null));
        _runspace = RunspaceFactory.CreateRunspace(state);
        // One pipeline thread per runspace, reused, like an interactive shell.
        _runspace.ThreadOptions = PSThreadOptions.ReuseThread;
        _runspace.Open();
        Invoke("param($Manifest) Import-Module -Name $Manifest -ErrorAction Stop", new Hashtable { ["Manifest"] = manifestPath });
    }

    public static string RepositoryRoot
    {
        get
        {
            foreach (var attribute in typeof(ModuleRunspace).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
            {
                if (attribute.Key == "RepositoryRoot" && attribute.Value != null) return Path.GetFullPath(attribute.Value);
            }

            throw new InvalidOperationException("The RepositoryRoot metadata is missing from the benchmark assembly; rebuild the project.");
        }
    }

    /// <summary>out/PasswordSafe/PasswordSafe.psd1, laid out by building the module project.</summary>
    public static string DefaultManifestPath => Path.Combine(RepositoryRoot, "out", "PasswordSafe", "PasswordSafe.psd1");

    /// <summary>Connect-PasswordSafe with the demo key, pinning the emulator's certificate; returns the session object.</summary>
    public object Connect(EmulatorProcess emulator, string runAs)
    {
        var key = new System.Net.NetworkCredential(string.Empty, emulator.ApiKey).SecurePassword;
        var output = Invoke(
            "param($Uri, $Key, $RunAs, $Thumbprint) Connect-PasswordSafe -Uri $Uri -ApiKey $Key -RunAs $RunAs -ServerCertificateThumbprint $Thumbprint -PassThru -ErrorAction Stop",
            new Hashtable { ["Uri"] = emulator.RootUri.AbsoluteUri, ["Key"] = key, ["RunAs"] = runAs, ["Thumbprint"] = emulator.Thumbprint });
        return output.Single().BaseObject;
    }

    /// <summary>
    /// The module assembly the runspace's cmdlets actually come from, and whether the JIT optimizes it: a Debug build in
    /// out/ (dotnet build without -c Release lays one out there too) runs unoptimized and makes every module row slower.
    /// </summary>
    public string ModuleAssemblyReport(out bool optimized)
    {
        var type = (Type)Invoke("(Get-Command -Name Connect-PasswordSafe).ImplementingType", new Hashtable()).Single().BaseObject;
        var debuggable = type.Assembly.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>();
        optimized = debuggable == null || !debuggable.IsJITOptimizerDisabled;
        return $"{type.Assembly.Location} ({(optimized ? "optimized: Release build" : "NOT optimized: Debug build")})";
    }

    /// <summary>Runs a script; any error record (terminating or not) fails the benchmark, as numbers from a failing run mean nothing.</summary>
    public PSDataCollection<PSObject> Invoke(string script, IDictionary parameters)
    {
        using var shell = Create(script, parameters);
        var output = new PSDataCollection<PSObject>();
        shell.Invoke(null, output);
        ThrowOnErrors(shell);
        return output;
    }

    /// <summary>A shell bound to this runspace, for asynchronous (parallel) runs; the caller disposes it.</summary>
    public PowerShell Create(string script, IDictionary parameters)
    {
        var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script).AddParameters(parameters);
        return shell;
    }

    public static void ThrowOnErrors(PowerShell shell)
    {
        if (shell.Streams.Error.Count > 0)
        {
            var first = shell.Streams.Error[0];
            throw new InvalidOperationException($"The script failed: {first.FullyQualifiedErrorId}: {first}");
        }
    }

    public void Dispose() => _runspace.Dispose();
}
