using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PasswordSafe.Session;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>A runspace with the module imported and a session over the fake admin server as its default.</summary>
internal sealed class AdminRunspace : IDisposable
{
    public AdminRunspace(FakeAdminServer server)
    {
        Server = server;
        Runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        Runspace.Open();
        Session = server.Connect();
        SessionStore.For(Runspace).Add(Session, makeDefault: true);
        Invoke("Import-Module -Name $args[0]", typeof(PasswordSafe.Admin.AdminClient).Assembly.Location);
    }

    public FakeAdminServer Server { get; }

    public Runspace Runspace { get; }

    public PasswordSafeSession Session { get; }

    /// <summary>Runs a script with every stream captured (Verbose and Debug on).</summary>
    public (IList<PSObject> Output, PowerShell Shell) Run(string script, params object[] args)
    {
        var shell = PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript("$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'\n" + script);
        foreach (var arg in args)
        {
            shell.AddArgument(arg);
        }

        return (shell.Invoke(), shell);
    }

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

    /// <summary>All text written to Verbose, Debug, Warning and Error, for secret-leak checks.</summary>
    public static string AllLogText(PowerShell shell) =>
        string.Join("\n", shell.Streams.Verbose.Select(v => v.Message)
            .Concat(shell.Streams.Debug.Select(d => d.Message))
            .Concat(shell.Streams.Warning.Select(w => w.Message))
            .Concat(shell.Streams.Error.Select(e => e.ToString() + " " + e.ErrorDetails?.Message + " " + e.Exception.Message)));

    public void Dispose() => Runspace.Dispose();
}
