namespace PasswordSafe.Emulator;

/// <summary>A3: a PSRUN rule, kept as configured. Signature verification needs real PSRUN clients, so it is not emulated.</summary>
public sealed record PsrunRule(int Id, string? IPAddress, string? MacAddress, string? SystemName, string? FQDN,
    string? DomainName, string? UserId, string? RootVolumeId, string? OSVersion);
