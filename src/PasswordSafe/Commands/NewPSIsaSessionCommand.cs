using System;
using System.IO;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// An ISA session (spec E4, <c>POST ISASessions</c>, api-v3 §5.3): a session ticket, or a file for
/// rdpfile/appfile, without a request to approve or check in. Needs the ISA role on the account.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSIsaSession", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(AccessSession))]
public sealed class NewPSIsaSessionCommand : AccountTargetCmdlet
{
    [Parameter(Mandatory = true)]
    [ValidateSet("SSH", "sshticket", "RDP", "rdpticket", "rdpfile", "app", "appfile", IgnoreCase = true)]
    public string SessionType { get; set; } = string.Empty;

    [Parameter]
    [ValidateRange(1, 525600)]
    public int? DurationMinutes { get; set; }

    /// <summary>For app sessions; a piped application account brings its own.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? ApplicationId { get; set; }

    [Parameter]
    [ValidateLength(0, 1000)]
    public string? Reason { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? OutFile { get; set; }

    protected override void ProcessRecord()
    {
        var client = Connect(out _);
        var target = DescribeTarget();
        try
        {
            var isFile = SessionFileWriter.IsFileType(SessionType);
            if (isFile != (OutFile != null))
            {
                throw isFile
                    ? new PasswordSafeException(ErrorIds.OutFileRequired, $"A {SessionType} session is answered with a file.",
                        "Pass -OutFile with the path to save it to, e.g. -OutFile .\\session.rdp.")
                    : new PasswordSafeException(ErrorIds.ValidationFailed, $"A {SessionType} session is a ticket, not a file, so -OutFile does not apply.",
                        "Use -SessionType rdpfile or appfile with -OutFile, or leave -OutFile out.");
            }

            var spec = new IsaSpec { SystemId = SystemId, AccountId = AccountId, DurationMinutes = DurationMinutes, Reason = Reason, SessionType = SessionType, ApplicationId = ApplicationId };
            var account = TargetAccount(client);
            if (account != null)
            {
                spec.SystemId = account.SystemId;
                spec.AccountId = account.AccountId;
                spec.ApplicationId ??= account.ApplicationId;
                target = Describe(account.SystemName, account.AccountName);
            }

            if (!ShouldProcess(target, $"Create an ISA {SessionType} session"))
            {
                return;
            }

            var description = target;
            var response = Run((log, token) => client.CreateIsaSessionAsync(spec, description, log, token));
            var session = isFile
                ? new AccessSession { FilePath = SessionFileWriter.Save(this, OutFile!, response.Body) }
                : CheckoutJson.ReadAccessSession(response);
            session.SessionType = SessionType;
            session.SystemId = spec.SystemId;
            session.AccountId = spec.AccountId;
            WriteObject(session);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            WriteItemError(new PasswordSafeException(ErrorIds.ValidationFailed, $"The session file could not be saved to '{OutFile}': {e.Message}",
                "Pass an -OutFile path in a folder you can write to.", e), OutFile);
        }
    }
}
