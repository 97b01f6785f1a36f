using System;

namespace PasswordSafe.Emulator.Http.Json;

/// <summary>
/// A request as GET Requests returns it (api-v3 §3.1: <c>SystemID</c>/<c>AccountID</c> casing, unlike ManagedAccounts),
/// plus the newer fields PY lists (CanceledDate, RequestorUserID, RequestorName). Dates are UTC ISO-8601.
/// </summary>
internal sealed record RequestJson(
    int RequestID, int SystemID, string SystemName, int AccountID, string AccountName, string? DomainName, int? AliasID,
    int? ApplicationID, DateTime RequestReleaseDate, DateTime? ApprovedDate, DateTime? ExpiresDate, string Status,
    string AccessType, string? Reason, DateTime? CanceledDate, int RequestorUserID, string RequestorName, bool RotateOnCheckin)
{
    internal static RequestJson From(ReleaseRequest request) => new(
        request.RequestId, request.Account.System.ManagedSystemId, request.Account.System.SystemName,
        request.Account.ManagedAccountId, request.Account.AccountName, request.Account.DomainName, request.AliasId,
        request.ApplicationId, request.RequestReleaseDate.UtcDateTime, request.ApprovedDate?.UtcDateTime,
        request.ExpiresDate?.UtcDateTime, request.Status.ToString(), request.AccessType.ToString(), request.Reason,
        CanceledDateOf(request), request.Requestor.UserId, request.Requestor.SignInName,
        request.RotateOnCheckin);

    /// <summary>
    /// When a request was called off before it ran its course: canceled (a pending one checked in, renewed, its account
    /// deleted), denied or terminated [I]. A checked-in or expired request was not canceled, so it has none.
    /// </summary>
    private static DateTime? CanceledDateOf(ReleaseRequest request) =>
        request.Status is RequestStatus.Canceled or RequestStatus.Denied or RequestStatus.Terminated ? request.ClosedDate?.UtcDateTime : null;
}
