namespace PasswordSafe.Emulator;

/// <summary>A PSRUN rule (A3). Kept and shown as given; the emulator cannot verify PSRUN signatures.</summary>
public sealed class SeedPsrunRule
{
    public int? Id { get; set; }
    public string? IPAddress { get; set; }
    public string? MacAddress { get; set; }
    public string? SystemName { get; set; }
    public string? FQDN { get; set; }
    public string? DomainName { get; set; }
    public string? UserId { get; set; }
    public string? RootVolumeId { get; set; }
    public string? OSVersion { get; set; }
}
