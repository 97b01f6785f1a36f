using System;
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
    internal override bool ForIsa => true;

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

    protected override void ProcessItem()
    {
        var client = Connect(out var passwordSafeSession);
        var target = DescribeTarget();
        try
        {
            SessionFileWriter.EnsureOutFileFits(SessionType, OutFile);

            var spec = new IsaSpec { SystemId = SystemId, AccountId = AccountId, DurationMinutes = DurationMinutes, Reason = Reason, SessionType = SessionType, ApplicationId = ApplicationId };
            var account = TargetAccount(client);
            string? systemName = null;
            string? accountName = null;
            if (account != null)
            {
                systemName = account.SystemName;
                accountName = account.AccountName;
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
            // Ready before the call: a bad -OutFile fails with no session left behind on the server.
            using var file = SessionFileWriter.IsFileType(SessionType) ? SessionFileWriter.Prepare(this, OutFile!) : null;
            var response = Run((log, token) => client.CreateIsaSessionAsync(spec, description, log, token));
            var session = SessionFileWriter.ToAccessSession(response, SessionType, file, SessionFileWriter.EndListedSession);
            session.SystemId = spec.SystemId;
            session.AccountId = spec.AccountId;
            session.SystemName = systemName;
            session.AccountName = accountName;
            session.Session = passwordSafeSession;
            WriteObject(session);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
    }
}
