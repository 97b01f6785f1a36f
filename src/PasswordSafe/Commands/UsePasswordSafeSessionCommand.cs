using System.Management.Automation;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>Makes a session this runspace's default (e.g. one opened with -NoDefault, or in another runspace).</summary>
[Cmdlet(VerbsOther.Use, "PasswordSafeSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(void))]
public sealed class UsePasswordSafeSessionCommand : PasswordSafeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public PasswordSafeSession? Session { get; set; }

    /// <summary>The session is what this cmdlet is about: a piped object's session is used as if piped itself.</summary>
    internal override bool TakesPipedSession(PSObject? record) => true;

    protected override void ProcessItem()
    {
        var session = Session!;
        if (!session.IsConnected)
        {
            WriteError(CreateErrorRecord(new PasswordSafeException(ErrorIds.NotConnected,
                $"The session {session} is disconnected and cannot become the default.",
                "Run Connect-PasswordSafe to start a new session."), session));
            return;
        }

        if (ShouldProcess(session.ToString(), "Make the default Password Safe session"))
        {
            SessionStore.Current.Add(session, makeDefault: true);
        }
    }
}
