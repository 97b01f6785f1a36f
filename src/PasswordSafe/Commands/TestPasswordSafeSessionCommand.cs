using System.Management.Automation;
using PasswordSafe.Http;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>
/// True when the session is connected and neither idle-expired nor token-expired, by the local clock:
/// no call is made, so it is cheap enough for a loop. Returns false when there is no session, and when the server
/// ended the session and it could not sign in again (the reason is in Verbose). With -Online it asks the server
/// instead, with one call that never signs in again, so a session the server ended early is seen before it is used.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "PasswordSafeSession")]
[OutputType(typeof(bool))]
public sealed class TestPasswordSafeSessionCommand : PasswordSafeCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    [Parameter]
    public SwitchParameter Online { get; set; }

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
            WriteDisconnected(session);
            WriteObject(false);
        }
        else if (Online)
        {
            AskTheServer(session);
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

    private void WriteDisconnected(PasswordSafeSession session)
    {
        var connection = session.Connection;
        WriteVerbose(connection.EndReason is { } reason
            ? $"{session} is disconnected since {connection.EndedAt:u}. {reason}"
            : $"{session} is disconnected.");
    }

    /// <summary>
    /// The server's verdict: a 401 means it has ended the session; any other answer that it is alive. No answer, or a
    /// server error, gives no verdict: that is an error, with no $true or $false.
    /// </summary>
    private void AskTheServer(PasswordSafeSession session)
    {
        var connection = session.Connection;
        connection.NoteCommand(MyInvocation.MyCommand.Name);
        ApiResponse response;
        try
        {
            response = Run((log, token) => connection.ProbeAsync(log, token));
        }
        catch (PasswordSafeException e)
        {
            WriteError(CreateErrorRecord(connection.Record(e), session));
            return;
        }

        if (response.StatusCode == 401)
        {
            if (!connection.IsConnected)
            {
                WriteDisconnected(session);
            }
            else
            {
                WriteVerbose($"{session.BaseUri.Host} answered 401: it has ended the session of {session.UserName} (idle for longer than the server's idle timeout, signed out elsewhere, its token or key no longer valid, or the server restarted). The next call signs in again by itself; if the server refuses that, the call says why.");
            }

            WriteObject(false);
        }
        else if (RetryPolicy.IsRetryableStatus(response.StatusCode))
        {
            WriteError(CreateErrorRecord(connection.Record(StatusErrorMapper.ToException(response)), session));
        }
        else
        {
            WriteObject(true);
        }
    }
}
