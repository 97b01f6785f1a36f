using System.Management.Automation;
using PasswordSafe.Http;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>Signs out (B2), revokes an OAuth token (C7), and forgets the session in this runspace; with -All, every one.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "PasswordSafe", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low,
    DefaultParameterSetName = SessionSet)]
[OutputType(typeof(void))]
public sealed class DisconnectPasswordSafeCommand : PasswordSafeCmdlet
{
    public const string SessionSet = "Session";
    public const string AllSet = "All";

    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = SessionSet)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = AllSet)]
    public SwitchParameter All { get; set; }

    /// <summary>The session is what this cmdlet is about: a piped object's session is used as if piped itself.</summary>
    internal override bool TakesPipedSession(PSObject? record) => true;

    protected override void ProcessItem()
    {
        if (All)
        {
            // Every session this runspace opened, the default among them; none is no error (like Get-PasswordSafeSession -All).
            var sessions = SessionStore.Current.All;
            if (sessions.Count == 0)
            {
                WriteVerbose("There is no Password Safe session in this runspace.");
            }

            foreach (var each in sessions)
            {
                each.Connection.NoteCommand(MyInvocation.MyCommand.Name);
                SignOut(each);
            }

            return;
        }

        // This session itself, never a stand-in: a piped object's old session must not sign out the default.
        SignOut(GivenSessionOrDefault(Session));
    }

    private void SignOut(PasswordSafeSession session)
    {
        if (!ShouldProcess(session.ToString(), "Sign out"))
        {
            return;
        }

        try
        {
            var problems = Run((log, token) => session.Connection.DisconnectAsync(log, token));
            foreach (var problem in problems)
            {
                // The session is closed locally either way; the server ends it at its idle timeout.
                WriteWarning($"Signing out of {session.BaseUri.Host} did not complete cleanly: {problem}");
            }
        }
        catch (PasswordSafeException e)
        {
            WriteWarning($"Signing out of {session.BaseUri.Host} did not complete cleanly: {e.Message}");
        }
        finally
        {
            SessionStore.Current.Remove(session);
            session.Connection.Dispose();
        }
    }
}
