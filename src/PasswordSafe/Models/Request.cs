using System;

namespace PasswordSafe;

/// <summary>
/// A credential release request (<c>GET Requests</c>, api-v3 §3.1). <c>RequestId</c> binds by name to
/// Get-PSCredential, Complete-PSRequest, Approve-PSRequest, Deny-PSRequest, Set-PSRequest and New-PSAccessSession.
/// </summary>
public sealed class Request
{
    public int RequestId { get; internal set; }

    public int SystemId { get; internal set; }

    public string? SystemName { get; internal set; }

    public int AccountId { get; internal set; }

    public string? AccountName { get; internal set; }

    public string? DomainName { get; internal set; }

    /// <summary>The account in its own sign-in form; Get-PSCredential uses it as the PSCredential user name.</summary>
    public string? UserName { get; internal set; }

    /// <summary><c>Active</c>, <c>Pending</c>, or whatever else the server reports (e.g. <c>Denied</c>, <c>Expired</c>).</summary>
    public string? Status { get; internal set; }

    /// <summary><c>View</c>, <c>RDP</c>, <c>SSH</c> or <c>App</c>.</summary>
    public string? AccessType { get; internal set; }

    public string? Reason { get; internal set; }

    /// <summary>The alias the request was made through (<c>AliasID</c>), or null; Get-PSCredential then reads it through the alias.</summary>
    public int? AliasId { get; internal set; }

    /// <summary>
    /// The alias's name: New-PSRequest knows it; for a listed request (which carries only the id) it is read from
    /// <c>GET Aliases</c>, and stays empty when the caller may not list that alias.
    /// </summary>
    public string? AliasName { get; internal set; }

    public int? ApplicationId { get; internal set; }

    public DateTimeOffset? RequestReleaseDate { get; internal set; }

    public DateTimeOffset? ApprovedDate { get; internal set; }

    public DateTimeOffset? ExpiresDate { get; internal set; }

    /// <summary>Who asked (<c>RequestorName</c>): what an approver sees in the Approver queue.</summary>
    public string? RequestorName { get; internal set; }

    public int? RequestorUserId { get; internal set; }

    /// <summary>
    /// True when the password is rotated at check-in or expiry (New-PSRequest -RotateOnCheckin, Set-PSRequest); false
    /// when the server does not say.
    /// </summary>
    public bool RotateOnCheckin { get; internal set; }

    /// <summary>The session the request was read with, so the next cmdlet in a pipeline uses the same one.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    /// <summary>A copy with another status: how -PassThru shows a request that its check-in or denial ended (no longer listed).</summary>
    internal Request WithStatus(string status)
    {
        var copy = (Request)MemberwiseClone();
        copy.Status = status;
        return copy;
    }

    // No id: request ids are masked wherever text can reach logs or error targets.
    // No Status: the object is a snapshot, and an error about a request that ended would otherwise show it "Active".
    public override string ToString() => $"{SystemName}\\{AccountName} ({AccessType})";
}
