using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Admin;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Lock-PSAccessSession and Stop-PSAccessSession: act on sessions piped from Get-PSAccessSession (named by user, host
/// and account) or given by -SessionId (also bound from New-PSAccessSession's tickets); security-relevant, so they ask
/// first unless -Force; -PassThru writes the session as it is afterwards.
/// </summary>
public abstract class AccessSessionActionCmdlet : AdminCmdlet
{
    protected const string ByObjectSet = "ByObject";
    protected const string ByIdSet = "ById";

    [Parameter(Mandatory = true, ParameterSetName = ByObjectSet, ValueFromPipeline = true)]
    [ValidateNotNull]
    public AccessSessionInfo? InputObject { get; set; }

    [Parameter(Mandatory = true, ParameterSetName = ByIdSet, Position = 0, ValueFromPipelineByPropertyName = true)]
    public int SessionId { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>The verb phrase for -WhatIf and -Confirm, e.g. "Lock".</summary>
    internal abstract string Action { get; }

    internal abstract Task SendAsync(AccessSessionService service, int sessionId, RequestLog log, CancellationToken token);

    protected override void ProcessRecord()
    {
        var service = new AccessSessionService(Connect());
        var sessionId = InputObject?.SessionId ?? SessionId;
        var target = InputObject != null ? Describe(InputObject) : AccessSessionService.Describe(sessionId);
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

    /// <summary>"session 7 (user 1 to web01\Administrator)": enough for the confirmation to say whose session it is.</summary>
    private static string Describe(AccessSessionInfo session) =>
        $"{AccessSessionService.Describe(session.SessionId)} (user {Id(session.UserId)} to {session.AssetName}\\{session.AccountName})";
}
