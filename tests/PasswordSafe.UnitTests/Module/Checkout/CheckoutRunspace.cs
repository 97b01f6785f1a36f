using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using PasswordSafe.Session;

namespace PasswordSafe.UnitTests.Module.Checkout;

/// <summary>
/// A runspace with the module's DLL imported and a session over the fake server as its default,
/// so the cmdlets run exactly as users type them (only Core cmdlets exist in this host).
/// </summary>
internal sealed class CheckoutRunspace : IDisposable
{
    public CheckoutRunspace(FakeCheckoutServer server)
    {
        Server = server;
        Runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        Runspace.Open();
        Session = server.Connect();
        SessionStore.For(Runspace).Add(Session, makeDefault: true);
        Invoke("Import-Module -Name $args[0]", typeof(PasswordSafe.Checkout.CheckoutClient).Assembly.Location);
    }

    public FakeCheckoutServer Server { get; }

    public Runspace Runspace { get; }

    public PasswordSafeSession Session { get; }

    /// <summary>Runs a script; the PowerShell object keeps its streams for the test to read.</summary>
    public (IList<PSObject> Output, PowerShell Shell) Run(string script, params object[] args)
    {
        var shell = PowerShell.Create();
        shell.Runspace = Runspace;
        shell.AddScript(script);
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

    public void Dispose() => Runspace.Dispose();
}
