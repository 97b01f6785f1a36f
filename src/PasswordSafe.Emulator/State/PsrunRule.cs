using System;

namespace PasswordSafe.Emulator;

/// <summary>
/// A3: a PSRUN rule, kept as configured. Its IPAddress is a source address the registration accepts (B6), parsed once
/// here; the other fields identify a PSRUN client by what only real PSRUN signatures prove, so they are not checked.
/// </summary>
public sealed record PsrunRule(int Id, string? IPAddress, string? MacAddress, string? SystemName, string? FQDN,
    string? DomainName, string? UserId, string? RootVolumeId, string? OSVersion)
{
    /// <summary>The rule's IPAddress as a single-address rule; null when it has none (or none that parses): it then admits no address.</summary>
    internal AddressRule? SourceAddress { get; } = ParseAddress(IPAddress);

    private static AddressRule? ParseAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return AddressRule.Parse(0, "IPAddress", text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
