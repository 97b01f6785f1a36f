namespace PasswordSafe.Emulator;

/// <summary>A <c>SessionType</c> of §5.1 read: the protocol it opens and whether the answer is a file.</summary>
internal readonly record struct SessionKind(string SessionType, AccessType Protocol, bool IsFile)
{
    /// <summary>SSH / sshticket, RDP / rdpticket / rdpfile, app / appfile (case-insensitive); null for anything else.</summary>
    internal static SessionKind? Parse(string? sessionType) => sessionType?.ToLowerInvariant() switch
    {
        "ssh" or "sshticket" => new SessionKind(sessionType, AccessType.SSH, false),
        "rdp" or "rdpticket" => new SessionKind(sessionType, AccessType.RDP, false),
        "rdpfile" => new SessionKind(sessionType, AccessType.RDP, true),
        "app" => new SessionKind(sessionType, AccessType.App, false),
        "appfile" => new SessionKind(sessionType, AccessType.App, true),
        _ => null,
    };

    internal const string Allowed = "SSH, sshticket, RDP, rdpticket, rdpfile, app or appfile";

    /// <summary>Why a <c>SessionType</c> that <see cref="Parse"/> does not know is refused: "required" only when it is absent.</summary>
    internal static string Refusal(string? sessionType) => string.IsNullOrWhiteSpace(sessionType)
        ? $"SessionType is required: {Allowed}."
        : $"SessionType '{sessionType}' is not one of the accepted values: {Allowed}.";

    /// <summary>POST Sessions/Admin takes no application sessions (BeyondTrust API reference: SSH/sshticket, RDP/rdpticket, rdpfile).</summary>
    internal const string AllowedForAdmin = "SSH, sshticket, RDP, rdpticket or rdpfile";

    internal bool AllowedForAdminSession => Protocol != AccessType.App;

    /// <summary>The target's port when an admin session names none ("the configured default port" [I]: 22 SSH, 3389 RDP).</summary>
    internal int DefaultTargetPort => Protocol == AccessType.SSH ? 22 : 3389;

    /// <summary>Password Safe's session proxy ports: 4422 for SSH, 4489 for RDP and applications.</summary>
    internal string Port => Protocol == AccessType.SSH ? "4422" : "4489";

    internal bool Fits(AccessType accessType) => Protocol == accessType;

    public override string ToString() => SessionType ?? string.Empty;
}
