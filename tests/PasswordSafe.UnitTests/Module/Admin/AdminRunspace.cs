using System.Linq;
using System.Management.Automation;

namespace PasswordSafe.UnitTests.Module.Admin;

/// <summary>
/// A runspace with the module imported and a session over the fake admin server as its default; every script runs
/// with Verbose and Debug on so the secret-leak checks see all the text the cmdlets could write.
/// </summary>
internal sealed class AdminRunspace : ModuleRunspace
{
    private const string VerboseAndDebugOn = "$VerbosePreference = 'Continue'; $DebugPreference = 'Continue'\n";

    public AdminRunspace(FakeAdminServer server)
        : base(server.Connect, VerboseAndDebugOn)
    {
        Server = server;
    }

    public FakeAdminServer Server { get; }

    /// <summary>All text written to Verbose, Debug, Warning and Error, for secret-leak checks.</summary>
    public static string AllLogText(PowerShell shell) =>
        string.Join("\n", shell.Streams.Verbose.Select(v => v.Message)
            .Concat(shell.Streams.Debug.Select(d => d.Message))
            .Concat(shell.Streams.Warning.Select(w => w.Message))
            .Concat(shell.Streams.Error.Select(e => e.ToString() + " " + e.ErrorDetails?.Message + " " + e.Exception.Message)));
}
