namespace PasswordSafe.Emulator.Http.Json;

/// <summary>An SSH/sshticket session (api-v3 §5.1). Port is a string, as on the real server.</summary>
internal sealed record SshTicketJson(string ID, string Ticket, string Host, string Port, string TicketAtHost, string Link, string Command);
