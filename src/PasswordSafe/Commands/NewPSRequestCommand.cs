using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Checkout;
using PasswordSafe.Http;

namespace PasswordSafe.Commands;

/// <summary>
/// Requests the release of a managed account (spec E1/E2, <c>POST Requests</c>, api-v3 §3.2), or of an alias's preferred
/// account (<c>POST Aliases/{id}/Requests</c>, the alias sets), then reads the request back so the output shows its
/// status. A request waiting for approval is a warning, not an error.
/// </summary>
[Cmdlet(VerbsCommon.New, "PSRequest", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = ByNameSet)]
[OutputType(typeof(Request))]
public sealed class NewPSRequestCommand : RequestingCmdlet
{
    [Parameter]
    [ValidateSet("View", "RDP", "SSH", "App", IgnoreCase = true)]
    public string AccessType { get; set; } = "View";

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public int? ApplicationId { get; set; }

    /// <summary>By names: request every matching account instead of failing with AmbiguousAccount.</summary>
    [Parameter(ParameterSetName = ByNameSet)]
    public SwitchParameter All { get; set; }

    private BulkProgress? _progress;

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        _progress = new BulkProgress(ProgressActivityIds.NewRequest, "Requesting access", WriteProgress);
    }

    protected override void EndProcessing()
    {
        _progress?.Complete();
        base.EndProcessing();
    }

    protected override void ProcessItem()
    {
        var client = Connect(out var session);
        if (ByAlias)
        {
            RequestThroughAlias(client, session);
            return;
        }

        if (!All)
        {
            RequestOne(client, session, null, DescribeTarget());
            return;
        }

        IReadOnlyList<ManagedAccount> matches;
        try
        {
            matches = ResolveAccounts(client, SystemName, AccountName);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, DescribeTarget());
            return;
        }

        foreach (var match in matches)
        {
            // Matches can share both names (systems of the same name), so each is told apart by its ids.
            RequestOne(client, session, match, match.DescribeWithIds());
        }
    }

    /// <summary>Requests one account: <paramref name="account"/> when already resolved, else the one the parameters name.</summary>
    private void RequestOne(CheckoutClient client, PasswordSafeSession session, ManagedAccount? resolved, string target)
    {
        try
        {
            var spec = BuildSpec(client, ref target, resolved, out var account);
            if (!ShouldProcess(target, $"Request {spec.AccessType} access for {spec.DurationMinutes} minutes"))
            {
                return;
            }

            _progress?.Starting(target);

            var description = target;
            if (Submit(client, (log, token) => client.CreateRequestAsync(spec, description, log, token), spec, account, session, target, out _) is { } request)
            {
                WriteObject(request);
            }
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
        finally
        {
            _progress?.Finished();
        }
    }

    /// <summary><c>POST Aliases/{id}/Requests</c>: the alias sets' one request, named after the alias wherever it is known.</summary>
    private void RequestThroughAlias(CheckoutClient client, PasswordSafeSession session)
    {
        var target = DescribeAliasTarget();
        try
        {
            var alias = TargetAlias(client);
            if (alias != null)
            {
                target = DescribeAlias(alias);
            }

            var aliasId = alias?.AliasId ?? AliasId;
            var spec = AliasRequestSpec(AccessType, alias);
            if (!ShouldProcess(target, $"Request {spec.AccessType} access for {spec.DurationMinutes} minutes through the alias"))
            {
                return;
            }

            _progress?.Starting(target);
            var description = target;
            var request = Submit(client, (log, token) => client.CreateAliasRequestAsync(aliasId, spec, description, log, token), spec, null, session, target,
                out var reused);
            if (request == null)
            {
                return; // found after a lost answer, and written there
            }

            // A request made through the alias is the alias's even where the listing leaves AliasID out; a reused one is
            // whatever the listing says (it may be a request made for the account directly, which the alias form cannot read).
            if (!reused)
            {
                request.AliasId ??= aliasId;
            }

            request.AliasName = request.AliasId == aliasId ? alias?.AliasName : null;
            WriteObject(request);
        }
        catch (PasswordSafeException e)
        {
            WriteItemError(e, target);
        }
        finally
        {
            _progress?.Finished();
        }
    }

    /// <summary>
    /// Both request forms: creates the request and reads its listing entry (status, names) in one wait, and warns when it
    /// waits for approval. (KeyValuePair, not a value tuple: Windows PowerShell on .NET Framework 4.6.x has no ValueTuple.)
    /// Null when the answer was lost and the request found again: that one is written already (see FoundAfterLostAnswer).
    /// </summary>
    private Request? Submit(CheckoutClient client, Func<RequestLog, CancellationToken, Task<CreatedRequest>> create, NewRequestSpec spec,
        ManagedAccount? account, PasswordSafeSession session, string target, out bool reused)
    {
        CreatedRequest? made = null;
        PasswordSafeException? readBackFailure = null;
        KeyValuePair<CreatedRequest, Request?> created;
        try
        {
            created = Run(async (log, token) =>
            {
                var answer = await create(log, token).ConfigureAwait(false);
                made = answer;
                try
                {
                    return new KeyValuePair<CreatedRequest, Request?>(answer, await client.FindOwnRequestAsync(answer.RequestId, log, token).ConfigureAwait(false));
                }
                catch (PasswordSafeException e)
                {
                    // The request exists: losing it over a failed listing would leave it open, unknown to the script.
                    readBackFailure = e;
                    return new KeyValuePair<CreatedRequest, Request?>(answer, null);
                }
            });
        }
        catch (PasswordSafeException e) when (made == null && LostRequestAnswer.MayHaveMadeARequest(e) && IsFindable(spec))
        {
            reused = false;
            return FoundAfterLostAnswer(client, spec, target, e);
        }
        catch (PipelineStoppedException)
        {
            // Ctrl+C while the request was being made: the user called it off, so what the server made is withdrawn.
            WithdrawOnStop(client, spec, made, target);
            throw;
        }

        if (readBackFailure != null)
        {
            WriteWarning($"The request for {target} was made, but reading it back failed, so its status is unknown: {readBackFailure.Message} "
                         + "It is written anyway; check it in with Complete-PSRequest when done.");
        }

        reused = created.Key.Reused;
        if (reused)
        {
            WriteVerbose($"The server reused your open request for {target} (-ConflictOption Reuse) instead of making a new one.");
        }

        var request = created.Value ?? Unlisted(created.Key.RequestId, spec, account, session);
        if (string.Equals(request.Status, "Pending", StringComparison.OrdinalIgnoreCase))
        {
            WriteWarning($"The request for {target} is waiting for approval. Pipe it to Wait-PSRequest to wait for the approver; Get-PSCredential works once it is approved.");
        }

        return request;
    }

    // Found by account, access type and reason in the caller's request list; not a request through an alias (no ids).
    private static bool IsFindable(NewRequestSpec spec) => spec.SystemId > 0 && spec.AccountId > 0;

    /// <summary>
    /// The POST got no answer (timeout, cut connection), or a success with no id in it, but may have been carried out: the
    /// request it made, found in the caller's list, is written with a warning; when there is none the original error stands,
    /// saying so. The request exists on the server, so it is written first, as a once-only result: none of -Debug's
    /// questions after the log lines and the warning can lose it (ARCHITECTURE.md, "A change is never lost to -Debug's questions").
    /// </summary>
    private Request? FoundAfterLostAnswer(CheckoutClient client, NewRequestSpec spec, string target, PasswordSafeException lost)
    {
        var log = NewRequestLog();
        IReadOnlyList<Request> found;
        try
        {
            found = LostRequestAnswer.Find(client, spec, log, CredentialLease.CheckInTimeoutFor(client));
        }
        catch (Exception e) when (e is PasswordSafeException || e is OperationCanceledException || e is ObjectDisposedException)
        {
            WriteLog(log);
            throw LostRequestAnswer.Explain(lost, LostRequestAnswer.LookForIt(target, couldNotCheck: true, how: LostRequestAnswer.HowTheAnswerWent(lost)));
        }

        if (found.Count == 0)
        {
            WriteLog(log);
            throw LostRequestAnswer.Explain(lost, LostRequestAnswer.NoneMade);
        }

        var how = UnansweredChange.IsUnreadableSuccess(lost) ? "could not be read" : "was lost";
        var pending = string.Equals(found[0].Status, "Pending", StringComparison.OrdinalIgnoreCase)
            ? " It is waiting for approval: pipe it to Wait-PSRequest to wait for the approver."
            : string.Empty;
        WriteOnceOnlyResult(found[0],
            $"The answer to the request for {target} {how} ({UnansweredChange.CallFailure(lost)}), but the server had made it: the request found in your request list is written.{pending}",
            log);
        return null;
    }

    private void WithdrawOnStop(CheckoutClient client, NewRequestSpec spec, CreatedRequest? made, string target)
    {
        if (made is { } answer)
        {
            if (!answer.Reused)
            {
                LostRequestAnswer.CheckIn(client, answer.RequestId, CredentialLease.CheckInTimeoutFor(client));
            }
        }
        else if (IsFindable(spec))
        {
            LostRequestAnswer.Withdraw(client, spec, target, RequestLog.Discard, CredentialLease.CheckInTimeoutFor(client));
        }
    }

    private NewRequestSpec BuildSpec(CheckoutClient client, ref string target, ManagedAccount? resolved, out ManagedAccount? account)
    {
        account = resolved ?? TargetAccount(client);
        if (account != null && resolved == null)
        {
            target = Describe(account.SystemName, account.AccountName);
        }

        // An application account brings its application id; a typed one wins.
        return RequestSpec(AccessType, ApplicationId ?? account?.ApplicationId, account);
    }

    /// <summary>The server created the request but does not list it (yet): say what is known.</summary>
    private Request Unlisted(int requestId, NewRequestSpec spec, ManagedAccount? account, PasswordSafeSession session)
    {
        WriteVerbose("The new request is not in the request list yet; its status is unknown.");
        return new Request
        {
            RequestId = requestId,
            SystemId = spec.SystemId,
            AccountId = spec.AccountId,
            SystemName = account?.SystemName,
            AccountName = account?.AccountName,
            AccessType = spec.AccessType,
            Reason = spec.Reason,
            Status = "Unknown",
            Session = session,
        };
    }
}
