namespace PasswordSafe.Emulator;

/// <summary>
/// The RDP options of an admin session (POST Sessions/Admin, RDP-only): Resolution (<c>1024x768</c>, <c>Maximized</c>),
/// Smart Sizing and the Remote Administration switch (<c>mstsc /admin</c>); written into the .rdp file.
/// </summary>
internal sealed record RdpDisplay(string? Resolution, bool SmartSizing, bool AdminSwitch);
