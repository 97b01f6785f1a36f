using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Requests several access types to one account as one set (<c>POST RequestSets</c>, api-v3 §3.4), typically View and
/// RDP: the password and a session, approved together. Takes accounts like New-PSRequest. A set waiting for approval
/// is a warning, not an error; its requests pipe on to Get-PSCredential, New-PSAccessSession, Wait-PSRequest and
/// Complete-PSRequest.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSRequestSet", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByIdSet)]
[OutputType(typeof(RequestSet))]
public sealed class NewPSRequestSetCommand : RequestOptionsCmdlet
{
    /// <summary>One request per type; one type is allowed, so a list built by a script may hold a single type.</summary>
    [Parameter(Mandatory = true)]
    [ValidateSet("View", "RDP", "SSH", "App", IgnoreCase = true)]
    [ValidateCount(1, 4)]
    public string[] AccessType { get; set; } = new string[0];

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? ApplicationId { get; set; }

    protected override void ProcessItem()
    {
        var client = Connect(out _);
        var target = DescribeTarget();
        try
        {
            var account = TargetAccount(client);
            if (account != null)
            {
                target = Describe(account.SystemName, account.AccountName);
            }

            var spec = new NewRequestSetSpec
            {
                AccessTypes = AccessType,
                SystemId = account?.SystemId ?? SystemId,
                AccountId = account?.AccountId ?? AccountId,
                // An application account brings its application id; a typed one wins.
                ApplicationId = ApplicationId ?? account?.ApplicationId,
                DurationMinutes = DurationFor(account),
                Reason = Reason,
                TicketSystemId = TicketSystemId,
                TicketNumber = TicketNumber,
            };
            var types = string.Join(", ", AccessType);
            if (!ShouldProcess(target, $"Request {types} access as one set for {spec.DurationMinutes} minutes"))
            {
                return;
            }

            var set = Submit(client, spec, target);
            if (set.Requests.Length == 0)
            {
                WriteWarning($"The request set for {target} was made, but its requests could not be read back, so its status is unknown. "
                    + "It is written anyway; Get-PSRequestSet lists it with its requests, which Complete-PSRequest checks in.");
            }

            if (string.Equals(set.Status, "Pending", StringComparison.OrdinalIgnoreCase))
            {
                WriteWarning($"The request set for {target} ({types}) is waiting for approval. Pipe its requests to Wait-PSRequest "
                    + "($set.Requests | Wait-PSRequest) to wait for the approver; Get-PSCredential and New-PSAccessSession work once it is approved.");
            }

            WriteObject(set);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
    }

    /// <summary>
    /// Makes the set. Its requests must not stay open unknown to the script: an answer lost to a timeout or a cut
    /// connection is looked for in the caller's sets (found: written with a warning), and Ctrl+C withdraws what was made.
    /// </summary>
    private RequestSet Submit(CheckoutClient client, NewRequestSetSpec spec, string target)
    {
        RequestSet? made = null;
        try
        {
            return Run(async (log, token) =>
            {
                made = await client.CreateRequestSetAsync(spec, target, log, token).ConfigureAwait(false);
                return made;
            });
        }
        catch (PasswordSafeException e) when (made == null && LostRequestAnswer.MayHaveMadeARequest(e))
        {
            return FoundAfterLostAnswer(client, spec, target, e);
        }
        catch (PipelineStoppedException)
        {
            LostRequestSetAnswer.WithdrawOnStop(client, spec, made, CredentialLease.CheckInTimeoutFor(client));
            throw;
        }
    }

    private RequestSet FoundAfterLostAnswer(CheckoutClient client, NewRequestSetSpec spec, string target, PasswordSafeException lost)
    {
        var log = NewRequestLog();
        IReadOnlyList<RequestSet> found;
        try
        {
            found = LostRequestSetAnswer.Find(client, spec, log, CredentialLease.CheckInTimeoutFor(client));
        }
        catch (Exception e) when (e is PasswordSafeException || e is OperationCanceledException || e is ObjectDisposedException)
        {
            WriteLog(log);
            throw LostRequestAnswer.Explain(lost, $" The server may have made the request set for {target} before its answer was lost, and it "
                + "could not be checked: look with Get-PSRequestSet and check its requests in with Complete-PSRequest.");
        }

        WriteLog(log);
        if (found.Count == 0)
        {
            throw LostRequestAnswer.Explain(lost, " The server had made no request set for it.");
        }

        WriteWarning($"The answer to the request set for {target} was lost ({UnansweredChange.CallFailure(lost)}), but the server had made it: the set found in your request sets is written.");
        return found[0];
    }
}
