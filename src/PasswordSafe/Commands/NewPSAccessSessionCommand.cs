using System;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Creates a session for an approved RDP, SSH or App request (spec E2, <c>POST Requests/{id}/Sessions</c>,
/// api-v3 §5.1): a ticket with host and port, or, for rdpfile/appfile, a file saved to -OutFile.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSAccessSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByObjectSet)]
[OutputType(typeof(AccessSession))]
public sealed class NewPSAccessSessionCommand : RequestInputCmdlet
{
    /// <summary>Defaults from the request's access type (spec E2: session type = access type); -OutFile picks the file form.</summary>
    [Parameter]
    [ValidateSet("SSH", "sshticket", "RDP", "rdpticket", "rdpfile", "app", "appfile", IgnoreCase = true)]
    public string? SessionType { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? NodeId { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect(out var session);
        var requestId = CurrentRequestId;
        var target = CurrentTarget;
        var description = DescribeCurrent();
        try
        {
            var sessionType = ChooseSessionType(InputObject?.AccessType);
            // "an": every session type (SSH, RDP, rdpfile, app…) starts with a vowel sound.
            if (!ShouldProcess(description, $"Create an {sessionType} session"))
            {
                return;
            }

            WriteObject(SessionFileWriter.IsFileType(sessionType)
                ? SaveFile(client, requestId, sessionType, session)
                : WithIds(Run((log, token) => client.CreateSessionAsync(requestId, sessionType, NodeId, log, token)), session));
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
    }

    private string ChooseSessionType(string? accessType)
    {
        if (string.Equals(accessType, "View", StringComparison.OrdinalIgnoreCase))
        {
            // Whatever -SessionType says, the server refuses a View request's session; say why before sending anything.
            throw new PasswordSafeException(ErrorIds.ValidationFailed, "This request has AccessType View, which opens no session.",
                "Request -AccessType RDP, SSH or App to open a session (New-PSRequest -AccessType RDP ...); a View request's password comes from Get-PSCredential.");
        }

        var type = SessionType;
        if (type == null)
        {
            if (accessType == null)
            {
                throw new PasswordSafeException(ErrorIds.ValidationFailed, "The session type is unknown: the request's access type is not known here.",
                    "Pass -SessionType (SSH, RDP, app, or rdpfile/appfile with -OutFile).");
            }

            type = accessType.Equals("RDP", StringComparison.OrdinalIgnoreCase) ? (OutFile != null ? "rdpfile" : "RDP")
                : accessType.Equals("App", StringComparison.OrdinalIgnoreCase) ? (OutFile != null ? "appfile" : "app")
                : accessType;
        }

        SessionFileWriter.EnsureOutFileFits(type, OutFile);
        return type;
    }

    private AccessSession SaveFile(CheckoutClient client, int requestId, string sessionType, PasswordSafeSession session)
    {
        // Ready before the call: a bad -OutFile fails with no session left behind on the server.
        using var file = SessionFileWriter.Prepare(this, OutFile!);
        var content = Run((log, token) => client.CreateSessionFileAsync(requestId, sessionType, NodeId, log, token));
        var path = file.Commit(content, sessionType, SessionFileWriter.EndRequestSession);
        return WithIds(new AccessSession { RequestId = requestId, SessionType = sessionType, FilePath = path }, session);
    }

    private AccessSession WithIds(AccessSession accessSession, PasswordSafeSession session)
    {
        accessSession.SystemId = InputObject?.SystemId ?? 0;
        accessSession.AccountId = InputObject?.AccountId ?? 0;
        accessSession.SystemName = InputObject?.SystemName;
        accessSession.AccountName = InputObject?.AccountName;
        accessSession.Session = session;
        return accessSession;
    }
}
