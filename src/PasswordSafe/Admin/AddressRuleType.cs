namespace PasswordSafe.Admin;

/// <summary>The three forms an IP or X-Forwarded-For rule takes (spec A3/A4); the names are the wire's <c>Type</c> values.</summary>
internal static class AddressRuleType
{
    public const string IPAddress = "IPAddress";
    public const string IPRange = "IPRange";
    public const string Cidr = "CIDR";
}
