using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PasswordSafe.Session;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// A runspace with the module's DLL imported and a session over a fake server as its default, so the cmdlets
/// run exactly as users type them (only Core cmdlets exist in this host). Shared by the checkout and admin tests.
/// </summary>
internal abstract class ModuleRunspace : IDisposable
{
    private readonly string _prologue;

    /// <param name="connect">Signs in to the fake server; called once the runspace is open.</param>
    /// <param name="prologue">Script text run before every script (e.g. preference variables).</param>
    protected ModuleRunspace(Func<PasswordSafeSession> connect, string prologue)
    {
        _prologue = prologue;
        Runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        Runspace.Open();
        Session = connect();
        SessionStore.For(Runspace).Add(Session, makeDefault: true);
        Invoke("Import-Module -Name $args[0]", typeof(PasswordSafeSession).Assembly.Location);
    }

    public Runspace Runspace { get; }

    public PasswordSafeSession Session { get; }

    /// <summary>Runs a script; the PowerShell object keeps its streams for the test to read.</summary>
    public (IList<PSObject> Output, PowerShell Shell) Run(string script, params object[] args)
    {
        var shell = PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript(_prologue + script);
        foreach (var arg in args)
        {
            shell.AddArgument(arg);
        }

        return (shell.Invoke(), shell);
    }

    /// <summary>Runs a script and returns its output; any error record fails the test with the errors' text.</summary>
    public IList<PSObject> Invoke(string script, params object[] args)
    {
        var (output, shell) = Run(script, args);
        using (shell)
        {
            if (shell.Streams.Error.Count > 0)
            {
                throw new InvalidOperationException("Script wrote errors: " + string.Join(" | ", shell.Streams.Error.Select(e => e.ToString())));
            }

            return output;
        }
    }

    public void Dispose() => Runspace.Dispose();
}
