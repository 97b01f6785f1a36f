namespace PasswordSafe;

/// <summary>A PSRUN rule of an API key registration (api-v3 §6.7): the machine facts PSRUN must present.</summary>
public sealed class PsrunRule
{
    public int Id { get; internal set; }

    public string? IPAddress { get; internal set; }

    public string? MacAddress { get; internal set; }

    public string? SystemName { get; internal set; }

    public string? FQDN { get; internal set; }

    public string? DomainName { get; internal set; }

    public string? UserId { get; internal set; }

    public string? RootVolumeId { get; internal set; }

    public string? OSVersion { get; internal set; }

    public override string ToString() => SystemName ?? FQDN ?? IPAddress ?? string.Empty;
}
