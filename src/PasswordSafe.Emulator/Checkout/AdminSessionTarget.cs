namespace PasswordSafe.Emulator;

/// <summary>
/// Where an admin session goes (<c>POST Sessions/Admin</c>, api-v3 §5.1): any host, with credentials the caller supplies
/// instead of a managed account. The password is kept only encrypted, because a session proxy would need it to log on;
/// nothing the emulator answers, logs or audits shows it.
/// </summary>
public sealed class AdminSessionTarget
{
    private readonly ProtectedSecret _password;

    internal AdminSessionTarget(string hostName, int port, string? domainName, string userName, string password, string? reason,
        string? resolution, bool rdpAdminSwitch, bool smartSizing, bool record)
    {
        HostName = hostName;
        Port = port;
        DomainName = domainName;
        UserName = userName;
        _password = ProtectedSecret.Protect(password);
        Reason = reason;
        Resolution = resolution;
        RdpAdminSwitch = rdpAdminSwitch;
        SmartSizing = smartSizing;
        Record = record;
    }

    public string HostName { get; }

    /// <summary>The target's own port (the body's, or the protocol's usual one: 22 SSH, 3389 RDP).</summary>
    public int Port { get; }

    public string? DomainName { get; }

    public string UserName { get; }

    public string? Reason { get; }

    public string? Resolution { get; }

    public bool RdpAdminSwitch { get; }

    public bool SmartSizing { get; }

    public bool Record { get; }

    /// <summary>The user name as the host sees it: <c>DOMAIN\user</c> when a domain was given.</summary>
    public string LogOnName => string.IsNullOrEmpty(DomainName) ? UserName : DomainName + "\\" + UserName;

    /// <summary>Whether the supplied password was this one (constant-time); tests prove the client sent it without reading it back.</summary>
    public bool PasswordMatches(string candidate) => _password.Matches(candidate);

    public override string ToString() => $"{HostName}:{Port}";
}
