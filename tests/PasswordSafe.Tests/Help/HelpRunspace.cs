using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using Xunit;

namespace PasswordSafe.Tests.Help;

/// <summary>
/// A runspace on PowerShell's default host with an en-US UI culture, so Get-Help looks in the en-US
/// folder exactly as it does on a user's machine (the recording test host reports the invariant culture).
/// </summary>
public sealed class HelpRunspace : IDisposable
{
    private static readonly CultureInfo HelpCulture = CultureInfo.GetCultureInfo("en-US");
    private readonly Runspace runspace;

    public HelpRunspace()
    {
        // The default host captures the creating thread's cultures and applies them to every pipeline.
        var previousCulture = CultureInfo.CurrentCulture;
        var previousUiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = HelpCulture;
            CultureInfo.CurrentUICulture = HelpCulture;
            runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
        }
        finally
        {
            CultureInfo.CurrentCulture = previousCulture;
            CultureInfo.CurrentUICulture = previousUiCulture;
        }
    }

    /// <summary>Runs a script with the given variables and fails the test on any error record.</summary>
    public IReadOnlyList<PSObject> Invoke(string script, params (string Name, object Value)[] variables)
    {
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        foreach (var (name, value) in variables)
        {
            runspace.SessionStateProxy.SetVariable(name, value);
        }

        shell.AddScript(script);
        IReadOnlyList<PSObject> output;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException exception)
        {
            throw new Xunit.Sdk.XunitException($"Script failed: {exception.ErrorRecord}\n{script}");
        }

        Assert.True(shell.Streams.Error.Count == 0,
            "Script wrote errors:\n" + string.Join("\n", shell.Streams.Error.Select(e => $"{e.FullyQualifiedErrorId}: {e}")) + "\n" + script);
        return output;
    }

    public void Dispose() => runspace.Dispose();
}
