using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Checkout;

/// <summary>
/// A <c>POST Requests</c> whose answer never arrived (the session's -TimeoutSec ran out, Ctrl+C, a cut connection) may
/// still have been carried out: the server made the request, and with no id in hand the caller can neither use nor
/// check it in, so the next scheduled run meets 409 4091. This finds the caller's open requests that POST could have
/// made: same account, access type and reason. Without -ConflictOption an open one of those would have refused the POST,
/// and -ConflictOption Renew would have cancelled it, so what is found is the POST's own; after -ConflictOption Reuse it
/// may be an older request that was reused, which is not the caller's to check in.
/// </summary>
internal static class LostRequestAnswer
{
    /// <summary>The sentence an error adds when the request the lost POST made was not found: none was made.</summary>
    public const string NoneMade = " The server had made no request for it.";

    private const string WithdrawReason = "The answer to the request was lost; released by the PasswordSafe module.";

    /// <summary>
    /// True when the failure may have come after the server carried the POST out: its answer never came, or it came with a
    /// success status and a body that gives no id (empty, <c>null</c>): the request was made all the same.
    /// </summary>
    public static bool MayHaveMadeARequest(Exception e) =>
        e is OperationCanceledException
        || UnansweredChange.IsUnreadableSuccess(e)
        || (e is PasswordSafeException known && (known.ErrorId == ErrorIds.Timeout || known.ErrorId == ErrorIds.ConnectionFailed));

    private const string LostAnswer = "before its answer was lost";

    /// <summary>How the answer went missing, as the end of a sentence about the request: lost, or unreadable after a success status.</summary>
    public static string HowTheAnswerWent(Exception e) =>
        UnansweredChange.IsUnreadableSuccess(e) ? "although its answer could not be read" : LostAnswer;

    /// <summary>The caller's open requests the lost POST may have made, newest first.</summary>
    public static IReadOnlyList<Request> Find(CheckoutClient client, NewRequestSpec spec, RequestLog log, TimeSpan timeout) =>
        ReadOnOwnDeadline(timeout, token => client.GetRequestsAsync("all", "req", log, token))
            .Where(r => Matches(r, spec)).OrderByDescending(r => r.RequestId).ToList();

    /// <summary>
    /// A read on its own deadline, waited for on this thread: recovery runs when the pipeline's token may already be
    /// cancelled (Ctrl+C) or its call timed out, and must still ask the server.
    /// </summary>
    internal static T ReadOnOwnDeadline<T>(TimeSpan timeout, Func<CancellationToken, System.Threading.Tasks.Task<T>> read)
    {
        using var ownToken = new CancellationTokenSource(timeout);
        BlockingSend.Enter();
        try
        {
            return read(ownToken.Token).GetAwaiter().GetResult();
        }
        finally
        {
            BlockingSend.Exit();
        }
    }

    /// <summary>
    /// Checks in what the lost POST made (not after -ConflictOption Reuse: see the class summary), on its own token because
    /// the pipeline's may be cancelled. Returns the sentence the error adds: what was found and done, or what to check.
    /// </summary>
    public static string Withdraw(CheckoutClient client, NewRequestSpec spec, string description, RequestLog log, TimeSpan timeout,
        string how = LostAnswer)
    {
        if (IsReuse(spec))
        {
            return LookForIt(description, ", or reused an open one,", how: how);
        }

        IReadOnlyList<Request> found;
        try
        {
            found = Find(client, spec, log, timeout);
        }
        catch (Exception e) when (e is PasswordSafeException || e is OperationCanceledException || e is ObjectDisposedException)
        {
            return LookForIt(description, couldNotCheck: true, how: how);
        }

        if (found.Count == 0)
        {
            log.Verbose("The server had made no request before its answer was lost.");
            return NoneMade;
        }

        // Each check-in on its own token (CredentialLease.CheckIn); one that ended meanwhile needs nothing more.
        if (found.Any(request => CredentialLease.CheckIn(client, request.RequestId, WithdrawReason, log, timeout, out _) != null))
        {
            return LookForIt(description, couldNotCheck: true, how: how);
        }

        return $" The server had made the request for {description} {how}; it was found and checked in.";
    }

    /// <summary>Checks one known request in, quietly: for a stop, where nothing can be reported.</summary>
    public static void CheckIn(CheckoutClient client, int requestId, TimeSpan timeout) =>
        CredentialLease.CheckIn(client, requestId, WithdrawReason, RequestLog.Discard, timeout, out _);

    /// <summary>The sentence an error adds when the module cannot find (or check in) the request itself: where to look.</summary>
    public static string LookForIt(string description, string alternative = "", bool couldNotCheck = false, string how = LostAnswer) =>
        $" The server may have made a request for {description}{alternative} {how}"
        + (couldNotCheck
            ? ", and it could not be checked: look with Get-PSRequest -Status Active and check it in with Complete-PSRequest."
            : ": look with Get-PSRequest -Status Active.");

    /// <summary>
    /// The failure with what recovery found appended; the id stays the original's. The call's failure alone: recovery has
    /// found out what the POST did, so the general "may have made the change" of <see cref="UnansweredChange"/> gives way.
    /// </summary>
    public static PasswordSafeException Explain(PasswordSafeException e, string outcome) =>
        new PasswordSafeException(e.ErrorId, UnansweredChange.CallFailure(e) + outcome, UnansweredChange.CallFailureAction(e), e);

    private static bool Matches(Request request, NewRequestSpec spec) =>
        request.SystemId == spec.SystemId
        && request.AccountId == spec.AccountId
        && string.Equals(request.AccessType ?? "View", spec.AccessType ?? "View", StringComparison.OrdinalIgnoreCase)
        && string.Equals(request.Reason ?? string.Empty, spec.Reason ?? string.Empty, StringComparison.Ordinal)
        && IsOpen(request.Status);

    /// <summary>Pending, active or approved: a request a lost POST made that still needs checking in.</summary>
    internal static bool IsOpen(string? status) =>
        string.Equals(status, "Pending", StringComparison.OrdinalIgnoreCase)
        || string.Equals(status, "Active", StringComparison.OrdinalIgnoreCase)
        || string.Equals(status, "Approved", StringComparison.OrdinalIgnoreCase);

    private static bool IsReuse(NewRequestSpec spec) => string.Equals(spec.ConflictOption, "reuse", StringComparison.OrdinalIgnoreCase);
}
