using System;
using System.Collections.Generic;
using System.Linq;
using PasswordSafe.Http;

namespace PasswordSafe.Checkout;

/// <summary>
/// <see cref="LostRequestAnswer"/> for <c>POST RequestSets</c> (§3.4): a set whose answer never arrived may still have
/// been made, its requests open and unknown to the script. It is found in <c>GET RequestSets</c>: the same account,
/// reason and access types, every request still open. (Sets take no -ConflictOption, so an open set like that is the
/// POST's own: the server refuses a second one with 409 4091.)
/// </summary>
internal static class LostRequestSetAnswer
{
    private const string WithdrawReason = "The answer to the request set was lost; released by the PasswordSafe module.";

    /// <summary>The caller's open sets the lost POST may have made, newest first.</summary>
    public static IReadOnlyList<RequestSet> Find(CheckoutClient client, NewRequestSetSpec spec, RequestLog log, TimeSpan timeout) =>
        LostRequestAnswer.ReadOnOwnDeadline(timeout, token => client.GetRequestSetsAsync("all", log, token))
            .Where(s => Matches(s, spec)).OrderByDescending(s => s.RequestSetId).ToList();

    /// <summary>Ctrl+C while the set was being made: checks in what it made, quietly (nothing can be reported while stopping).</summary>
    public static void WithdrawOnStop(CheckoutClient client, NewRequestSetSpec spec, RequestSet? made, TimeSpan timeout)
    {
        IEnumerable<Request> requests;
        if (made != null && made.Requests.Length > 0)
        {
            requests = made.Requests;
        }
        else
        {
            try
            {
                requests = Find(client, spec, RequestLog.Discard, timeout).SelectMany(s => s.Requests).ToList();
            }
            catch (Exception e) when (e is PasswordSafeException || e is OperationCanceledException || e is ObjectDisposedException)
            {
                return;
            }
        }

        foreach (var request in requests)
        {
            CredentialLease.CheckIn(client, request.RequestId, WithdrawReason, RequestLog.Discard, timeout, out _);
        }
    }

    private static bool Matches(RequestSet set, NewRequestSetSpec spec) =>
        set.Requests.Length == spec.AccessTypes.Count
        && set.Requests.All(r => r.SystemId == spec.SystemId && r.AccountId == spec.AccountId
                                 && string.Equals(r.Reason ?? string.Empty, spec.Reason ?? string.Empty, StringComparison.Ordinal)
                                 && LostRequestAnswer.IsOpen(r.Status))
        && spec.AccessTypes.All(t => set.Requests.Any(r => string.Equals(r.AccessType, t, StringComparison.OrdinalIgnoreCase)));
}
