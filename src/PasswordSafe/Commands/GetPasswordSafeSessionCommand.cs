using System.Management.Automation;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>Returns this runspace's default session, or with -All every session it opened. Sessions show redacted facts only.</summary>
[Cmdlet(VerbsCommon.Get, "PasswordSafeSession")]
[OutputType(typeof(PasswordSafeSession))]
public sealed class GetPasswordSafeSessionCommand : PasswordSafeCmdlet
{
    [Parameter]
    public SwitchParameter All { get; set; }

    protected override void ProcessItem()
    {
        var sessions = SessionStore.Current;
        if (All)
        {
            WriteObject(sessions.All, enumerateCollection: true);
        }
        else if (sessions.Default != null)
        {
            WriteObject(sessions.Default);
        }
    }
}
