namespace PasswordSafe.Emulator;

/// <summary>What a new session hands out (§5.1): its id and one-time ticket, for the protocol and form the session type asked.</summary>
internal sealed record SessionTicket(string Id, string Ticket, SessionKind Kind, ManagedAccount Account, string UserName);
