using System.Management.Automation;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>
/// True when the session is connected and neither idle-expired nor token-expired, by the local clock:
/// no call is made, so it is cheap enough for a loop. Returns false when there is no session, and when the server
/// ended the session and it could not sign in again (the reason is in Verbose).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "PasswordSafeSession")]
[OutputType(typeof(bool))]
public sealed class TestPasswordSafeSessionCommand : PasswordSafeCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    /// <summary>The session is what this cmdlet is about: a piped object's session is used as if piped itself.</summary>
    internal override bool TakesPipedSession(PSObject? record) => true;

    protected override void ProcessItem()
    {
        var session = Session ?? SessionStore.Current.Default;
        if (session == null)
        {
            WriteVerbose("There is no Password Safe session in this runspace.");
            WriteObject(false);
            return;
        }

        var connection = session.Connection;
        if (!connection.IsConnected)
        {
            WriteVerbose(connection.EndReason is { } reason
                ? $"{session} is disconnected since {connection.EndedAt:u}. {reason}"
                : $"{session} is disconnected.");
            WriteObject(false);
        }
        else if (connection.IsIdleExpired)
        {
            WriteVerbose($"{session} has been idle since {session.LastActivity:u}, longer than the {session.IdleTimeout.TotalMinutes:0}-minute idle timeout.");
            WriteObject(false);
        }
        else if (connection.IsTokenExpired)
        {
            WriteVerbose($"The access token of {session} expired at {session.TokenExpiresAt:u}.");
            WriteObject(false);
        }
        else
        {
            WriteObject(true);
        }
    }
}
