using System;
using PasswordSafe.Admin;

namespace PasswordSafe;

/// <summary>
/// A session as Password Safe monitors it (<c>GET Sessions</c>, api-v3 §5.1): who, to which account, in which state.
/// Not the ticket New-PSAccessSession returns (that one carries the secret ticket); its <c>SessionId</c> is the same
/// number, so both pipe into Lock-PSAccessSession and Stop-PSAccessSession.
/// </summary>
public sealed class AccessSessionInfo
{
    public int SessionId { get; internal set; }

    /// <summary>The server's status number; <see cref="Status"/> is its name.</summary>
    [WireName("Status")]
    public int StatusCode { get; internal set; }

    /// <summary>NotStarted, InProgress, Completed, Locked, Terminated, LoggedOff or Disconnected.</summary>
    public string Status => SessionStatusNames.NameOf(StatusCode);

    public int UserId { get; internal set; }

    public int? RequestId { get; internal set; }

    /// <summary>0 for an admin session (New-PSAdminSession), which logs on with supplied credentials, not a managed account.</summary>
    [WireName("ManagedAccountID")]
    public int AccountId { get; internal set; }

    [WireName("ManagedAccountName")]
    public string? AccountName { get; internal set; }

    /// <summary>The host the session goes to.</summary>
    public string? AssetName { get; internal set; }

    /// <summary>The server's protocol number (0 RDP, 1 SSH); <see cref="Protocol"/> is its name.</summary>
    [WireName("Protocol")]
    public int ProtocolCode { get; internal set; }

    public string Protocol => ProtocolCode == 1 ? "SSH" : ProtocolCode == 0 ? "RDP" : "Unknown";

    public string? SessionType { get; internal set; }

    public DateTimeOffset? StartTime { get; internal set; }

    public DateTimeOffset? EndTime { get; internal set; }

    /// <summary>How long the session ran, from the server's <c>Duration</c> in seconds.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(DurationSeconds);

    [WireName("Duration")]
    public int DurationSeconds { get; internal set; }

    public int? ApplicationId { get; internal set; }

    public string? NodeId { get; internal set; }

    public int ArchiveStatus { get; internal set; }

    public string? RecordKey { get; internal set; }

    public PasswordSafeSession? Session { get; internal set; }

    /// <summary>An admin session has no account: it is named by its host alone.</summary>
    public override string ToString() =>
        $"session {SessionId} ({(string.IsNullOrEmpty(AccountName) ? AssetName : AssetName + "\\" + AccountName)}, {Status})";
}
