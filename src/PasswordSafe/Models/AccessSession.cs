namespace PasswordSafe;

/// <summary>
/// A session ticket from <c>POST Requests/{id}/Sessions</c>, <c>POST ISASessions</c> or <c>POST Sessions/Admin</c> (spec E2/E4, api-v3 §5):
/// where to connect and with which one-time ticket. For file session types only <see cref="FilePath"/> is set.
/// </summary>
public sealed class AccessSession
{
    /// <summary>The server's id of the session (<c>ID</c>).</summary>
    public string? SessionId { get; internal set; }

    /// <summary>The request the session belongs to; null for ISA and admin sessions, which have no request.</summary>
    public int? RequestId { get; internal set; }

    /// <summary>The host an admin session (New-PSAdminSession) goes to; null for a session to a managed account (see SystemId, AccountId).</summary>
    public string? TargetHost { get; internal set; }

    /// <summary>The managed system and account the session logs on with; 0 for an admin session, which has none.</summary>
    public int SystemId { get; internal set; }

    public int AccountId { get; internal set; }

    /// <summary>The account's names where the cmdlet knew them (a piped request or account), so -WhatIf and errors of the
    /// cmdlets it is piped into can name it; null for an admin session or when only ids were given.</summary>
    public string? SystemName { get; internal set; }

    public string? AccountName { get; internal set; }

    /// <summary>As requested: <c>SSH</c>, <c>sshticket</c>, <c>RDP</c>, <c>rdpticket</c>, <c>rdpfile</c>, <c>app</c>, <c>appfile</c>.</summary>
    public string? SessionType { get; internal set; }

    /// <summary>The one-time ticket the session proxy accepts (not shown in the table view).</summary>
    public string? Ticket { get; internal set; }

    public string? Host { get; internal set; }

    /// <summary>The proxy port; a string because the server sends one.</summary>
    public string? Port { get; internal set; }

    /// <summary>SSH: <c>ticket@host</c>.</summary>
    public string? TicketAtHost { get; internal set; }

    public string? Link { get; internal set; }

    /// <summary>SSH: a ready-to-run command line.</summary>
    public string? Command { get; internal set; }

    /// <summary>Where -OutFile saved an rdpfile/appfile answer.</summary>
    public string? FilePath { get; internal set; }

    /// <summary>The Password Safe session that created it: cmdlets it is piped into (Get-, Lock-, Stop-PSAccessSession) use it.</summary>
    public PasswordSafeSession? Session { get; internal set; }

    public override string ToString() => FilePath ?? $"{SessionType} {Host}:{Port}";
}
