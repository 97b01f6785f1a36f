using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// One runspace per test, on a recording <see cref="TestHost"/>, with the module imported through its
/// manifest. Scripts run as a user would type them; secrets go in through <see cref="SetVariable"/> so the
/// script text itself never contains them.
/// </summary>
public sealed class PowerShellRunner : IDisposable
{
    private readonly Runspace runspace;

    private PowerShellRunner(bool interactive, bool importModule)
    {
        Host = new TestHost(interactive);
        var state = InitialSessionState.CreateDefault2();
        runspace = RunspaceFactory.CreateRunspace(Host, state);
        runspace.Open();
        if (importModule)
        {
            SetVariable("PasswordSafeManifest", RepositoryPaths.ModuleManifest);
            Run("Import-Module -Name $PasswordSafeManifest -ErrorAction Stop").AssertSuccess();
        }
    }

    public TestHost Host { get; }

    /// <summary>Opens a runspace and imports the module. Non-interactive hosts refuse every prompt.</summary>
    public static PowerShellRunner Start(bool interactive = true, bool importModule = true) => new(interactive, importModule);

    public void SetVariable(string name, object? value) => runspace.SessionStateProxy.SetVariable(name, value);

    public object? GetVariable(string name) => runspace.SessionStateProxy.GetVariable(name);

    /// <summary>Queues answers for the host's prompts (challenge codes, credentials).</summary>
    public void Answer(params string[] answers)
    {
        foreach (var answer in answers) Host.UserInterface.Answers.Enqueue(answer);
    }

    /// <summary>Runs script text and collects every stream; terminating errors become the last error record.</summary>
    public PowerShellResult Run(string script)
    {
        using var shell = CreateShell(script);
        var clock = Stopwatch.StartNew();
        var output = new List<PSObject>();
        ErrorRecord? terminating = null;
        try
        {
            output.AddRange(shell.Invoke());
        }
        catch (RuntimeException exception)
        {
            terminating = exception.ErrorRecord;
        }

        return Collect(shell, output, terminating, clock.Elapsed);
    }

    /// <summary>Starts a script without waiting, for Ctrl+C tests (<see cref="PowerShell.Stop"/>).</summary>
    public RunningScript Begin(string script) => new(CreateShell(script), this);

    internal PowerShellResult Collect(PowerShell shell, IReadOnlyList<PSObject> output, ErrorRecord? terminating, TimeSpan elapsed)
    {
        var errors = shell.Streams.Error.ToList();
        if (terminating != null && !errors.Any(e => ReferenceEquals(e, terminating))) errors.Add(terminating);
        return new PowerShellResult(
            output,
            errors,
            shell.Streams.Warning.Select(r => r.Message).ToList(),
            shell.Streams.Verbose.Select(r => r.Message).ToList(),
            shell.Streams.Debug.Select(r => r.Message).ToList(),
            shell.Streams.Information.Select(r => r.MessageData?.ToString() ?? string.Empty).ToList(),
            Host.UserInterface.Written.ToList(),
            elapsed);
    }

    public void Dispose() => runspace.Dispose();

    private PowerShell CreateShell(string script)
    {
        var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddScript(script);
        return shell;
    }
}
