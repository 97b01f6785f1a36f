using System;
using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Checkout;

/// <summary>
/// Turns the server's checkout failures into the errors the checkout cmdlets promise: distinct ids for
/// "not approved yet" (4034), "not found or ended" (404) and conflicts (4091), each saying what to do.
/// Messages never carry request ids or passwords.
/// </summary>
internal static class CheckoutErrors
{
    public const int NotApprovedReason = 4034;
    public const int ConflictReason = 4091;

    /// <summary>
    /// For <c>GET Credentials/{id}</c>, session creation and a request's own calls; <paramref name="asApprover"/> for
    /// approving and denying, whose caller is not the requestor, so what to do next differs. A 404 is the same for an id
    /// that never existed and for a request that ended, so its message allows both.
    /// </summary>
    public static PasswordSafeException ForRequestCall(PasswordSafeApiException e, string what, bool asApprover = false, bool approving = false)
    {
        if (e.StatusCode == 403 && e.ReasonCode == NotApprovedReason)
        {
            return Rewrap(e, ErrorIds.RequestNotApproved,
                $"{what}: the request has not been approved yet (4034).",
                "Wait for an approver, then retry: Wait-PSRequest waits for you (Get-PSRequest shows the status).");
        }

        if (e.StatusCode == 404)
        {
            return approving
                ? Rewrap(e, ErrorIds.RequestNotActive,
                    $"{what}: the request was not found, or is no longer waiting for approval (it was approved or denied already, canceled, expired or terminated){ServerSaid(e)}.",
                    "Check the id: Get-PSRequest -Queue Approver lists the requests still waiting for you.")
                : asApprover
                ? Rewrap(e, ErrorIds.RequestNotActive,
                    $"{what}: the request was not found, or has ended (it was denied already, checked in, canceled, expired or terminated){ServerSaid(e)}.",
                    "Check the id: Get-PSRequest -Queue Approver -Status All lists the open requests you may deny.")
                : Rewrap(e, ErrorIds.RequestNotActive,
                    $"{what}: the request was not found, or is no longer active (it was checked in, denied, expired or terminated){ServerSaid(e)}.",
                    "Check the id: Get-PSRequest lists your open requests; create a new one with New-PSRequest.");
        }

        if (e.StatusCode == 403)
        {
            return Rewrap(e, ErrorIds.PermissionDenied,
                $"{what}: permission denied ({ReasonCodes.Describe(e.ReasonCode) ?? "403"}){SignedInAs(e)}.",
                asApprover
                    ? "Approving and denying need the Approver or Requestor/Approver role on the account's smart rule, and never work on your own request: another approver must act. Get-PSRequest -Queue Approver lists what you may approve. "
                      + "A piped request runs in the session it was read with (its requestor's, when read by the requestor): pass the approver's session with -Session."
                    : "Check that you own the request and that the account is enabled for API access; ask an administrator for the role this needs. "
                      + "A piped request runs in the session it was read with: pass -Session to use another.");
        }

        if (e.StatusCode == 400)
        {
            return Rewrap(e, ErrorIds.ValidationFailed, $"{what}: the server refused it: {ServerReason(e)}",
                "Correct what the server names (for sessions: a session type that fits the request's access type), then retry.");
        }

        return e;
    }

    /// <summary>For <c>POST Requests</c>: 409/4091 explains the conflict options.</summary>
    public static PasswordSafeException ForNewRequest(PasswordSafeApiException e, string account) =>
        ForNewRequestOrSet(e, "request", account,
            "Pass -ConflictOption Reuse to use your existing request, or -ConflictOption Renew to replace it; or check it in first with Complete-PSRequest.");

    /// <summary>For <c>POST RequestSets</c> (§3.4), which takes no conflict option: the open request must be checked in first.</summary>
    public static PasswordSafeException ForNewRequestSet(PasswordSafeApiException e, string account) =>
        ForNewRequestOrSet(e, "request set", account,
            "Check in your open request for the account first (Get-PSRequest | Complete-PSRequest), or use it instead of a new set.");

    /// <summary>
    /// For <c>POST Aliases/{id}/Requests</c>: 404 is an unknown alias, 403 a missing role on its preferred account, 400 the
    /// server's reason (an alias that is not mapped says so); conflicts as for <c>POST Requests</c>.
    /// </summary>
    public static PasswordSafeException ForNewAliasRequest(PasswordSafeApiException e, string alias)
    {
        if (e.StatusCode == 404)
        {
            return Rewrap(e, ErrorIds.AliasNotFound, $"There is no {alias}.", AliasHint);
        }

        if (e.StatusCode == 403)
        {
            return Rewrap(e, ErrorIds.PermissionDenied,
                $"You may not request {alias} ({ReasonCodes.Describe(e.ReasonCode) ?? "403"}){SignedInAs(e)}.",
                "Requesting through an alias needs the Requestor or Requestor/Approver role on the alias's preferred managed account; ask an administrator.");
        }

        if (e.StatusCode == 400)
        {
            return Rewrap(e, ErrorIds.ValidationFailed, $"The request for {alias} was refused: {ServerReason(e)}",
                "Only aliases in mapped state 1 (Mapped) or 2 (Highly Available) can be requested (Get-PSManagedAccountAlias shows AliasState); otherwise correct what the server names.");
        }

        return ForNewRequest(e, alias);
    }

    /// <summary>For reading aliases by id (<c>GET Aliases/{id}</c>) or name (<c>GET Aliases?name=</c>).</summary>
    public static PasswordSafeException ForAliasLookup(PasswordSafeApiException e, string alias) =>
        e.StatusCode == 404 ? Rewrap(e, ErrorIds.AliasNotFound, $"There is no requestable {alias}.", AliasHint)
        : e.StatusCode == 403 ? Rewrap(e, ErrorIds.PermissionDenied, $"You may not read {alias} ({ReasonCodes.Describe(e.ReasonCode) ?? "403"}){SignedInAs(e)}.",
            "Aliases are visible to holders of the Requestor or Requestor/Approver role on the alias's preferred managed account; ask an administrator.")
        : (PasswordSafeException)e;

    /// <summary>No requestable alias has this id or name.</summary>
    public static PasswordSafeException AliasNotFound(string alias) =>
        new PasswordSafeException(ErrorIds.AliasNotFound, $"There is no requestable {alias}.", AliasHint);

    private const string AliasHint = "List the aliases you may request with Get-PSManagedAccountAlias.";

    private static PasswordSafeException ForNewRequestOrSet(PasswordSafeApiException e, string what, string account, string onConflict)
    {
        if (e.StatusCode == 400)
        {
            return Rewrap(e, ErrorIds.ValidationFailed, $"The {what} for {account} was refused: {ServerReason(e)}",
                "Correct what the server names: Get-PSManagedAccount shows the account's release durations; what its access policy requires (access types, reason, ticket, schedule) an administrator can tell you, or Get-PSAccessPolicy shows it if you hold Password Safe Role Management.");
        }

        if (e.StatusCode == 409)
        {
            return Rewrap(e, ErrorIds.Conflict,
                $"A conflicting request already exists for {account} ({ReasonCodes.Describe(e.ReasonCode ?? ConflictReason)}).",
                onConflict);
        }

        if (e.StatusCode == 403)
        {
            return Rewrap(e, ErrorIds.PermissionDenied,
                $"You may not request {account} ({ReasonCodes.Describe(e.ReasonCode) ?? "403"}){SignedInAs(e)}.",
                "Check the ids with Get-PSManagedAccount, which lists what you may request (the server refuses an account that does not exist the same way); " +
                "otherwise ask an administrator for the Requestor role on the account's smart rule, and to enable the account for API access.");
        }

        return e;
    }

    /// <summary>None matches; <paramref name="didYouMean"/>: the directory forms of a bare name that is on the system.</summary>
    /// <param name="isa">For the ISA cmdlets: the accounts that count are those with ISA access, which are not "requestable".</param>
    public static PasswordSafeException AccountNotFound(ManagedAccountFilter filter, IReadOnlyList<string>? didYouMean = null, bool isa = false) =>
        new PasswordSafeException(ErrorIds.AccountNotFound,
            (isa ? $"No managed account with ISA access matches {filter.Describe()}." : $"No requestable managed account matches {filter.Describe()}.")
            + DidYouMean(didYouMean),
            isa
                ? "Check the names with Get-PSManagedAccount; only accounts enabled for API access that you may request or retrieve with ISA access (IsIsaAccess) are visible."
                : "Check the names with Get-PSManagedAccount; only accounts enabled for API access that you may request are visible.");

    /// <summary>Get-PSManagedAccount by both exact names found nothing, but the bare name is a directory account's: a warning, not an error.</summary>
    public static string NoneListedDidYouMean(ManagedAccountFilter filter, IReadOnlyList<string> didYouMean) =>
        $"No managed account matches {filter.Describe()}." + DidYouMean(didYouMean);

    /// <summary>" Did you mean CONTOSO\svc-backup? …" for the directory forms of a bare name, or nothing.</summary>
    private static string DidYouMean(IReadOnlyList<string>? forms) =>
        forms == null || forms.Count == 0 ? string.Empty
        : $" Did you mean {string.Join(" or ", forms)}? A directory account is named DOMAIN\\name or by its UPN.";

    public static PasswordSafeException Ambiguous(ManagedAccountFilter filter, IReadOnlyList<ManagedAccount> matches) =>
        new PasswordSafeException(ErrorIds.AmbiguousAccount,
            $"{matches.Count} managed accounts match {filter.Describe()}: {ListMatches(matches, matches.Count)}.",
            "Pick one: pass -SystemId and -AccountId, or pipe the right account from Get-PSManagedAccount.");

    /// <summary>"sys\acct (SystemId 1, AccountId 2), …" for the first ten of <paramref name="total"/> matches.</summary>
    public static string ListMatches(IReadOnlyList<ManagedAccount> matches, int total)
    {
        var listed = string.Join(", ", matches.Take(MatchesListed).Select(a => a.DescribeWithIds()));
        return total > MatchesListed ? $"{listed} and {total - MatchesListed} more" : listed;
    }

    /// <summary>How many matches a message lists by name; the rest are counted.</summary>
    public const int MatchesListed = 10;

    /// <summary>Wait-PSRequest: no approver acted in time; the request itself stays pending.</summary>
    public static PasswordSafeException StillPending(string request, int seconds) =>
        new PasswordSafeException(ErrorIds.RequestNotApproved,
            $"The {request} is still waiting for approval after {seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds.",
            "It stays pending: wait longer (-TimeoutSec), or ask an approver (Get-PSRequest -Queue Approver lists it for them); check it in with Complete-PSRequest if it is no longer needed.");

    /// <summary>Wait-PSRequest: the request left the list while pending (denied, canceled, expired).</summary>
    public static PasswordSafeException EndedWhilePending(string request) =>
        new PasswordSafeException(ErrorIds.RequestNotActive,
            $"The {request} is no longer open: it was denied, canceled, expired or terminated while waiting for approval.",
            "Create a new request with New-PSRequest (an approver may have said why: Get-PSRequest shows your open requests only).");

    /// <summary>Wait-PSRequest: the request was not open when the wait began (already ended, or an id that is not the caller's).</summary>
    public static PasswordSafeException NotOpenBeforeWaiting(string request, bool byId) =>
        byId
            ? new PasswordSafeException(ErrorIds.RequestNotFound,
                "The request with that id is not among your open requests: it does not exist, has ended (checked in, denied, expired or terminated), or is not yours.",
                "List your open requests with Get-PSRequest (-Queue Approver for requests you approve).")
            : new PasswordSafeException(ErrorIds.RequestNotActive,
                $"The {request} is not open, so there is nothing to wait for: it was checked in, denied, expired or terminated.",
                "Create a new request with New-PSRequest (Get-PSRequest lists the ones still open).");

    public static PasswordSafeException NoActiveRequest(string account) =>
        new PasswordSafeException(ErrorIds.RequestNotActive,
            $"You have no active request for {account}.",
            "Create one with New-PSRequest (or use Use-PSCredential, which requests and checks in for you).");

    public static PasswordSafeException RequestNotFound(string what) =>
        new PasswordSafeException(ErrorIds.RequestNotFound,
            $"{what} is not in your request list.",
            "List your requests with Get-PSRequest (-Queue Approver for requests you approve).");

    public static PasswordSafeException RequestSetNotFound(string what) =>
        new PasswordSafeException(ErrorIds.RequestNotFound,
            $"{what} is not among your request sets.",
            "List your request sets with Get-PSRequestSet (a set is listed while one of its requests is open).");

    /// <summary>
    /// For <c>POST ISARequests</c> and <c>POST ISASessions</c> (§5.2, §5.3): 403 a missing ISA role; 404 nothing to release
    /// and 400 a refused body, each in the server's own words (no DSS key, an application id the session type needs).
    /// </summary>
    public static PasswordSafeException ForIsaCall(PasswordSafeApiException e, string description)
    {
        switch (e.StatusCode)
        {
            case 403:
                return Rewrap(e, ErrorIds.PermissionDenied,
                    $"ISA access to {description} was refused ({ReasonCodes.Describe(e.ReasonCode) ?? "403"}){SignedInAs(e)}.",
                    "ISA retrieval needs the ISA role on the account's smart rule (Get-PSManagedAccount shows IsIsaAccess); ask an administrator.");
            case 404:
                return Rewrap(e, ErrorIds.ObjectNotFound, $"ISA access to {description} found nothing to release: {ServerReason(e, "404 Not Found")}",
                    "Check -Type against what the account has (a password, or a DSS key and its passphrase); Get-PSManagedAccount shows the account.");
            case 400:
                return Rewrap(e, ErrorIds.ValidationFailed, $"ISA access to {description} was refused: {ServerReason(e)}",
                    "Correct what the server names (a session type that fits the account, -ApplicationId for app sessions, a duration within the account's ISA release duration), then retry.");
            default:
                return e;
        }
    }

    /// <summary>GET Requests refused with 403: the queue needs a role (4032 requestor, 4033 approver) the caller lacks.</summary>
    public static PasswordSafeException QueueRefused(PasswordSafeApiException e, string queue) =>
        Rewrap(e, ErrorIds.PermissionDenied,
            $"You may not list the {queue} queue ({ReasonCodes.Describe(e.ReasonCode) ?? "403"}){SignedInAs(e)}.",
            queue.Equals("Approver", StringComparison.OrdinalIgnoreCase)
                ? "The Approver queue needs the Approver or Requestor/Approver role on a smart rule; list your own requests with Get-PSRequest."
                : "Listing your requests needs the Requestor or Requestor/Approver role on a smart rule; ask an administrator.");

    /// <summary>Use-PSCredential could not check its request in: the credential stays released until it expires.</summary>
    public static PasswordSafeException CheckInFailed(string target, PasswordSafeException cause) =>
        new PasswordSafeException(ErrorIds.CheckInFailed,
            cause.ErrorId == ErrorIds.Timeout
                ? $"The request for {target} may not have been checked in: {cause.Message}"
                : $"The request for {target} could not be checked in, so its credential stays released until the request expires: {cause.Message}",
            $"Check it in by hand once the server answers: Get-PSRequest | Complete-PSRequest (connect again first if the session ended). {cause.RecommendedAction}".TrimEnd(),
            cause);

    /// <summary>
    /// Use-PSCredential's request needs an approver: it was withdrawn (or could not be), and waiting is what
    /// -ApprovalTimeoutSec is for; the 4034 text and Wait-PSRequest's advice would send the user elsewhere.
    /// </summary>
    public static PasswordSafeException NotApprovedInTime(PasswordSafeException e, string description, TimeSpan? waited, PasswordSafeException? notWithdrawn)
    {
        var approval = waited is { } timeout
            ? $"The request for {description} was not approved within {timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)} seconds"
            : $"The request for {description} needs an approver";
        var withdrawn = notWithdrawn == null ? "it was withdrawn" : $"it could not be withdrawn ({notWithdrawn.Message.TrimEnd('.')})";
        var action = waited.HasValue
            ? "Pass a larger -ApprovalTimeoutSec, or ask an approver to act sooner (they see your request with Get-PSRequest -Queue Approver)."
            : "Pass -ApprovalTimeoutSec (for example 600) to wait for an approver; approvers see your request with Get-PSRequest -Queue Approver.";
        return new PasswordSafeException(e.ErrorId, $"{approval}, and {withdrawn}.",
            notWithdrawn == null ? action : action + " " + NotWithdrawnAction, e);
    }

    /// <summary>Use-PSCredential failed before the block ran and could not withdraw its request either.</summary>
    public static PasswordSafeException NotWithdrawn(PasswordSafeException e, PasswordSafeException notWithdrawn) =>
        new PasswordSafeException(e.ErrorId,
            $"{e.Message.TrimEnd('.')}; the request could not be withdrawn either ({notWithdrawn.Message.TrimEnd('.')}).",
            string.IsNullOrEmpty(e.RecommendedAction) ? NotWithdrawnAction : e.RecommendedAction + " " + NotWithdrawnAction, e);

    private const string NotWithdrawnAction =
        "Check the request in once the server answers (Get-PSRequest | Complete-PSRequest): otherwise an approver may still release its credential.";

    /// <summary>
    /// A credential read answered 404 while the request is still active: the account has no credential of that type
    /// (a Windows account has no DSS key, an unencrypted key no passphrase).
    /// </summary>
    public static PasswordSafeException NoSuchCredential(PasswordSafeApiException e, Request request, string type) =>
        Rewrap(e, ErrorIds.ObjectNotFound,
            $"Reading the credential: {request.SystemName}\\{request.AccountName} has no {DescribeType(type)} to release{StillActive}{ServerSaid(e)}.",
            AskForAnotherType + "; check the request in with Complete-PSRequest when you are done.");

    private const string StillActive = "; the request is still active";
    private const string AskForAnotherType = "Ask for a credential type the account has with -Type (Password, DssKey, Passphrase)";

    /// <summary>
    /// Use-PSCredential withdrew its request after the credential could not be read: the read's error, without
    /// Get-PSCredential's word that the request is still active and its advice to check it in.
    /// </summary>
    public static PasswordSafeException Withdrawn(PasswordSafeException e)
    {
        if (e is not PasswordSafeApiException api || api.ErrorId != ErrorIds.ObjectNotFound || !api.Message.Contains(StillActive))
        {
            return e;
        }

        return Rewrap(api, api.ErrorId, api.Message.Replace(StillActive, "; the request was withdrawn"), AskForAnotherType + ".");
    }

    private static string DescribeType(string type) =>
        type.Equals("DssKey", System.StringComparison.OrdinalIgnoreCase) ? "DSS key"
        : type.Equals("Passphrase", System.StringComparison.OrdinalIgnoreCase) ? "passphrase"
        : "password";

    /// <summary>" (the server said: …)" when a 404 came with the server's own words, else nothing.</summary>
    private static string ServerSaid(PasswordSafeApiException e) =>
        string.IsNullOrWhiteSpace(e.ServerMessage) ? string.Empty : $" (the server said: {e.ServerMessage!.Trim().TrimEnd('.')})";

    /// <summary>The server's own reason as one sentence (the generic message, naming the status, when it gave none).</summary>
    private static string ServerReason(PasswordSafeApiException e, string status = "400 Bad Request")
    {
        var reason = string.IsNullOrWhiteSpace(e.ServerMessage) ? $"no reason was given ({status})" : e.ServerMessage!.Trim();
        return ".!?".IndexOf(reason[reason.Length - 1]) >= 0 ? reason : reason + ".";
    }

    /// <summary>", signed in as CONTOSO\jdoe on pws.example.com" for a refusal: a piped object runs in the session it was read with, not always the default.</summary>
    private static string SignedInAs(PasswordSafeApiException e) => e.Caller == null ? string.Empty : ", signed in as " + e.Caller;

    private static PasswordSafeException Rewrap(PasswordSafeApiException e, string errorId, string message, string action) =>
        new PasswordSafeApiException(errorId, message, action, e.StatusCode, e.Method, e.RedactedUri, e.ReasonCode, e.ServerMessage).MadeBy(e.Caller);
}
