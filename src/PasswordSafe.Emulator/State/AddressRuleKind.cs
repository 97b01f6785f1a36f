namespace PasswordSafe.Emulator;

/// <summary>A3: the three forms of an IP or X-Forwarded-For rule.</summary>
public enum AddressRuleKind
{
    IPAddress,
    IPRange,
    CIDR,
}
