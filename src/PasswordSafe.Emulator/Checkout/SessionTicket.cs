namespace PasswordSafe.Emulator;

/// <summary>
/// What a new session hands out (§5.1): its id and one-time ticket, for the protocol and form the session type asked.
/// <paramref name="FileStem"/> names an .rdp attachment (<c>system-account</c> or <c>host-user</c>); ApplicationName is
/// the remote application of app sessions; Display carries an admin session's RDP display options.
/// </summary>
internal sealed record SessionTicket(string Id, string Ticket, SessionKind Kind, string FileStem, string? ApplicationName, RdpDisplay? Display = null);
