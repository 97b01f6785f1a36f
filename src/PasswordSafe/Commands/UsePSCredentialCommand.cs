using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;
using PasswordSafe.Internal;
using PasswordSafe.Session;

namespace PasswordSafe.Commands;

/// <summary>
/// The runbook pattern of spec E1 in one command: request the account, read its credential, run the script
/// block with it, and check the request in — in a finally, so also when the block throws or the pipeline is
/// stopped (Ctrl+C, or a downstream command that needs no more output). The block's output streams through.
/// By alias (-AliasId, -AliasName, a piped alias) the request goes through <c>POST Aliases/{id}/Requests</c> and the
/// credential through the alias form of the read, which names the account behind the alias.
/// </summary>
[Cmdlet(VerbsOther.Use, "PSCredential", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(object))]
public sealed class UsePSCredentialCommand : RequestingCmdlet
{
    // Runs the caller's block through a steppable pipeline so its output goes straight to this cmdlet's
    // output (streamed) and the block keeps the caller's scope; the parameter names cannot clash with the caller's.
    private const string Invoker = "param($UsePSCredentialScriptBlock, $UsePSCredentialCredential) & $UsePSCredentialScriptBlock $UsePSCredentialCredential";

    /// <summary>First by ids, by alias or from the pipeline; after the two names by name (like New-PSRequest's positions).</summary>
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByIdSet)]
    [Parameter(Mandatory = true, Position = 2, ParameterSetName = ByNameSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByAliasIdSet)]
    [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByAliasNameSet)]
    [ValidateNotNull]
    public ScriptBlock? ScriptBlock { get; set; }

    /// <summary>A piped account brings its own name form for the PSCredential.</summary>
    [Parameter(ParameterSetName = ByIdSet, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string? UserName { get; set; }

    [Parameter]
    [ValidateSet("Password", "DssKey", "Passphrase", IgnoreCase = true)]
    public string Type { get; set; } = "Password";

    /// <summary>Wait this long for an approver when the request is pending (0: fail with RequestNotApproved at once).</summary>
    [Parameter]
    [ValidateRange(0, 86400)]
    public int ApprovalTimeoutSec { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        var target = ByAlias ? DescribeAliasTarget() : DescribeTarget();
        var userName = UserName;

        CredentialLease lease;
        RequestLog openLog;
        try
        {
            var open = ByAlias ? OpenThroughAlias(client, ref target) : OpenForAccount(client, ref target, ref userName);
            if (!ShouldProcess(target, "Request the credential, run the script block, and check in"))
            {
                return;
            }

            // The log is written inside the try/finally below: "Halt" answered at one of -Debug's questions ends the
            // command there, and the request must still be checked in.
            lease = RunOnceOnly(open, out openLog);
            if (lease.Request is { } named)
            {
                // Through an alias, the account is only known now; the alias stays in the name (it is what was asked for).
                target = ByAlias ? $"{Describe(named.SystemName, named.AccountName)} ({target})" : Describe(named.SystemName, named.AccountName);
                userName = named.UserName ?? userName;
            }
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
            return;
        }

        SteppablePipeline? stepper = null;
        var blockFinished = false;
        try
        {
            WriteLog(openLog);
            if (string.IsNullOrEmpty(userName))
            {
                WriteWarning(ByAlias
                    ? $"The server did not name the account behind {target}, so its user name is unknown: the credential is named '{target}'."
                    : $"The request for {target} was not in the request list, so its user name is unknown: the credential is named '{target}'. Pass -UserName to name it.");
            }

            var credential = new PSCredential(string.IsNullOrEmpty(userName) ? target : userName, SecureStringReader.FromPlainText(lease.Secret));
            stepper = ScriptBlock.Create(Invoker).GetSteppablePipeline(CommandOrigin.Internal, new object[] { ScriptBlock!, credential });
            stepper.Begin(this);
            stepper.Process();
            stepper.End();
            blockFinished = true;
        }
        finally
        {
            stepper?.Dispose();
            CheckIn(lease, target, blockFinished);
        }
    }

    /// <summary>How to open the lease through the alias; names the target after the alias once it is known.</summary>
    private Func<RequestLog, CancellationToken, Task<CredentialLease>> OpenThroughAlias(CheckoutClient client, ref string target)
    {
        var alias = TargetAlias(client);
        if (alias != null)
        {
            target = DescribeAlias(alias);
        }

        var aliasId = alias?.AliasId ?? AliasId;
        var spec = AliasRequestSpec("View", alias);
        var description = target;
        var approvalTimeout = ApprovalTimeout;
        // The alias form of the credential read names the account: no listing is needed for the user name.
        return (log, token) => CredentialLease.OpenThroughAliasAsync(client, aliasId, spec, description, Type, log, token, approvalTimeout: approvalTimeout);
    }

    /// <summary>How to open the lease for the account; names the target and the credential after it when it is known.</summary>
    private Func<RequestLog, CancellationToken, Task<CredentialLease>> OpenForAccount(CheckoutClient client, ref string target, ref string? userName)
    {
        var account = TargetAccount(client);
        var spec = RequestSpec("View", null, account);
        if (account != null)
        {
            target = Describe(account.SystemName, account.AccountName);
            // A typed -UserName (by ids only) wins over the account's own name form.
            userName = UserName ?? account.UserName;
        }

        var description = target;
        var approvalTimeout = ApprovalTimeout;
        // Ids alone do not say whose credential it is: the request's listing does (one more call; -UserName saves it).
        var readBack = string.IsNullOrEmpty(userName);
        return (log, token) => CredentialLease.OpenAsync(client, spec, description, Type, log, token, approvalTimeout: approvalTimeout, readBack: readBack);
    }

    /// <summary>
    /// When the block ended the session and signed in again (users.md #1: re-login in long runs), the new default may
    /// check the request in, as it may for piped objects (SessionFallback): only without -Session, and only when it is
    /// the same user on the same server.
    /// </summary>
    private CheckoutClient? ReplacementForCheckIn(CredentialLease lease, RequestLog log)
    {
        var used = lease.Session;
        // A piped account's Session binds -Session too: only one typed on the command line rules the stand-in out.
        if (used.IsConnected || GivenOnCommandLine(nameof(Session)))
        {
            return null;
        }

        var replacement = SessionFallback.Replacement(used, SessionOrigin.Piped, SessionStore.Current.Default);
        if (replacement == null)
        {
            return null;
        }

        log.Verbose(SessionFallback.ReplacedForCheckInNote(used));
        return new CheckoutClient(replacement);
    }

    private TimeSpan? ApprovalTimeout => ApprovalTimeoutSec > 0 ? TimeSpan.FromSeconds(ApprovalTimeoutSec) : (TimeSpan?)null;

    /// <summary>
    /// Runs on success, throw and stop alike. A failed check-in after the block finished is a non-terminating
    /// CheckInFailed error, so a runbook can tell that a credential stays released; after the block threw it is a
    /// warning (an error written now could replace the block's own). Nothing can be written while stopping.
    /// </summary>
    private void CheckIn(CredentialLease lease, string target, bool blockFinished)
    {
        var log = NewRequestLog();
        var failure = lease.Close(Reason ?? "Released by Use-PSCredential.", log, ReplacementForCheckIn(lease, log));
        if (StopToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            WriteLog(log);
            if (lease.AlreadyEnded)
            {
                WriteWarning($"The request for {target} had already ended when Use-PSCredential went to check it in: it expired, or was checked in or ended elsewhere. If the block needs longer, pass a larger -DurationMinutes.");
            }

            if (failure == null)
            {
                return;
            }

            var notCheckedIn = CheckoutErrors.CheckInFailed(target, failure);
            if (blockFinished)
            {
                WriteError(CreateErrorRecord(notCheckedIn, target));
            }
            else
            {
                WriteWarning(notCheckedIn.Message + " " + notCheckedIn.RecommendedAction);
            }
        }
        catch (PipelineStoppedException)
        {
            // A downstream command ended the pipeline: the check-in ran, but nothing more may be written.
        }
    }
}
