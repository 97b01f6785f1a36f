namespace PasswordSafe.Emulator.Http.Json;

/// <summary>An RDP/rdpticket (or app) session (api-v3 §5.1). Port is a string, as on the real server.</summary>
internal sealed record RdpTicketJson(string ID, string Ticket, string Host, string Port);
