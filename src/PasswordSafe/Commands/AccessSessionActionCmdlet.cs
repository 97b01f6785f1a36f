using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Commands;

/// <summary>
/// Lock-PSAccessSession and Stop-PSAccessSession: act on sessions piped from Get-PSAccessSession (named by user, host
/// and account), on tickets piped from New-PSAccessSession, New-PSIsaSession and New-PSAdminSession, or on sessions given
/// by -SessionId, or on every open session of
/// managed accounts or systems (-ManagedAccountId, -ManagedSystemId: incident response); security-relevant, so they ask
/// first unless -Force; -PassThru writes a session as it is afterwards.
/// </summary>
public abstract class AccessSessionActionCmdlet : AdminCmdlet
{
    protected const string ByObjectSet = "ByObject";
    protected const string ByIdSet = "ById";
    protected const string ByManagedAccountSet = "ByManagedAccount";
    protected const string ByManagedSystemSet = "ByManagedSystem";
    protected const string ByTicketSet = "ByTicket";

    [Parameter(Mandatory = true, ParameterSetName = ByObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public AccessSessionInfo? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int SessionId { get; set; }

    /// <summary>
    /// A piped ticket, bound as itself: it carries its Session (bound by name in every set) and a SessionId that needs
    /// converting, so by property name alone PowerShell could settle on a set before converting it and refuse the ticket.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByTicketSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public AccessSession? InputTicket { get; set; }

    /// <summary>
    /// No AccountId alias: tickets from New-PSAccessSession carry AccountId and a SessionId that needs converting, so
    /// with that alias PowerShell would bind a piped ticket here and act on every session of its account.
    /// </summary>
    [Parameter(Mandatory = true, ParameterSetName = ByManagedAccountSet, ValueFromPipelineByPropertyName = true)]
    public int[] ManagedAccountId { get; set; } = new int[0];

    [Parameter(Mandatory = true, ParameterSetName = ByManagedSystemSet, ValueFromPipelineByPropertyName = true)]
    public int[] ManagedSystemId { get; set; } = new int[0];

    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>One session's state afterwards; by account or system there is no one session to show.</summary>
    [Parameter(ParameterSetName = ByObjectSet)]
    [Parameter(ParameterSetName = ByIdSet)]
    [Parameter(ParameterSetName = ByTicketSet)]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The verb phrase for -WhatIf and -Confirm, e.g. "Lock".</summary>
    internal abstract string Action { get; }

    internal abstract Task SendAsync(AccessSessionService service, int sessionId, RequestLog log, CancellationToken token);

    internal abstract Task SendAllAsync(AccessSessionService service, AccessTarget target, RequestLog log, CancellationToken token);

    protected override void ProcessItem()
    {
        var service = new AccessSessionService(Connect());
        if (ParameterSetName == ByManagedAccountSet || ParameterSetName == ByManagedSystemSet)
        {
            ProcessTargets(service);
            return;
        }

        int sessionId;
        if (InputObject != null)
        {
            sessionId = InputObject.SessionId;
        }
        else if (InputTicket == null)
        {
            sessionId = SessionId;
        }
        else if (!int.TryParse(InputTicket.SessionId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out sessionId))
        {
            // A file session type's answer (rdpfile, appfile) is a file, with no session id to act on.
            WriteError(CreateErrorRecord(new PasswordSafeException(ErrorIds.ValidationFailed,
                $"This ticket has no session id to {Action.ToLowerInvariant()} (a session saved as a file carries none).",
                "Find the session with Get-PSAccessSession -Status NotStarted and pipe it here."), InputTicket));
            return;
        }

        var target = InputObject != null ? Describe(InputObject)
            : PipedTargetName.Describe(AccessSessionService.Describe(sessionId),
                string.IsNullOrEmpty(InputTicket?.AccountName) ? null : $"{InputTicket!.SystemName}\\{InputTicket.AccountName}");
        if (!ShouldChange(target, Action, Force))
        {
            return;
        }

        TryItem(() =>
        {
            Run((log, token) => SendAsync(service, sessionId, log, token));
            if (PassThru)
            {
                WriteObject(Run((log, token) => service.GetAsync(sessionId, log, token)));
            }
        }, (object?)InputObject ?? sessionId);
    }

    private void ProcessTargets(AccessSessionService service)
    {
        var byAccount = ParameterSetName == ByManagedAccountSet;
        foreach (var id in byAccount ? ManagedAccountId : ManagedSystemId)
        {
            // Named after a piped account or system, as Stop-PSRequest names it.
            var target = byAccount
                ? AccessTarget.ManagedAccount(id).Named(PipedTargetName.ManagedAccount(PipedObject, id))
                : AccessTarget.ManagedSystem(id).Named(PipedTargetName.ManagedSystem(PipedObject, id));
            if (ShouldChange(target.Description, Action + " every open session", Force))
            {
                TryItem(() => Run((log, token) => SendAllAsync(service, target, log, token)), id);
            }
        }
    }

    /// <summary>"session 7 (user 1 to web01\Administrator)": enough for the confirmation to say whose session it is.</summary>
    private static string Describe(AccessSessionInfo session) =>
        $"{AccessSessionService.Describe(session.SessionId)} (user {Id(session.UserId)} to {session.AssetName}\\{session.AccountName})";
}
