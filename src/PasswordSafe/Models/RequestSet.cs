using System;
using System.Linq;

namespace PasswordSafe;

/// <summary>
/// Several access types to one account requested as one (<c>POST RequestSets</c>, <c>GET RequestSets</c>, api-v3 §3.4):
/// one <see cref="Request"/> per access type. The requests are ordinary requests: pipe them on
/// (<c>$set.Requests | Complete-PSRequest</c>) to read credentials, open sessions, wait or check in.
/// </summary>
public sealed class RequestSet
{
    public int RequestSetId { get; internal set; }

    /// <summary>One request per access type, in the order they were asked for.</summary>
    public Request[] Requests { get; internal set; } = new Request[0];

    /// <summary>
    /// <c>Pending</c> while any request waits for approval, else <c>Active</c> while any is active, else the status
    /// of the requests (e.g. <c>CheckedIn</c>, <c>Expired</c>, <c>Denied</c>).
    /// </summary>
    public string? Status =>
        Requests.Any(r => Is(r, "Pending")) ? "Pending"
        : Requests.Any(r => Is(r, "Active")) ? "Active"
        : Requests.Select(r => r.Status).FirstOrDefault();

    /// <summary>The access types of the requests (<c>View</c>, <c>RDP</c>, …).</summary>
    public string?[] AccessTypes => Requests.Select(r => r.AccessType).ToArray();

    public string? SystemName => Requests.Select(r => r.SystemName).FirstOrDefault();

    public string? AccountName => Requests.Select(r => r.AccountName).FirstOrDefault();

    /// <summary>The account in its own sign-in form (<c>DOMAIN\name</c>, UPN or name).</summary>
    public string? UserName => Requests.Select(r => r.UserName).FirstOrDefault();

    /// <summary>When the first of its active requests expires (null while none is active).</summary>
    public DateTimeOffset? ExpiresDate => Requests.Where(r => Is(r, "Active")).Select(r => r.ExpiresDate).Where(d => d.HasValue).Min();

    public string? Reason => Requests.Select(r => r.Reason).FirstOrDefault();

    /// <summary>The session the set was read with; its requests carry it too.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    // No ids: request ids are masked wherever text can reach logs or error targets.
    public override string ToString() => $"{SystemName}\\{AccountName} ({string.Join(", ", AccessTypes)}, {Status})";

    private static bool Is(Request request, string status) => string.Equals(request.Status, status, StringComparison.OrdinalIgnoreCase);
}
