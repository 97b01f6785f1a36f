using System;
using System.Net;
using System.Net.Sockets;

namespace PasswordSafe.Emulator;

/// <summary>
/// One IP or X-Forwarded-For rule (A3, A4): a single IPv4/IPv6 address, a range "a-b" or a CIDR block.
/// Immutable; the rule's Id lets an update tell a changed rule from a new one (A4: no IP↔XFF switch).
/// </summary>
public sealed class AddressRule
{
    private readonly byte[] _low;
    private readonly byte[] _high;

    private AddressRule(int id, AddressRuleKind kind, string value, string? description, byte[] low, byte[] high)
    {
        Id = id;
        Kind = kind;
        Value = value;
        Description = description ?? string.Empty;
        _low = low;
        _high = high;
    }

    public int Id { get; }
    public AddressRuleKind Kind { get; }
    public string Value { get; }
    public string Description { get; }

    /// <summary>Parses a rule; a null or empty type is inferred from the value. Throws FormatException saying what is wrong.</summary>
    public static AddressRule Parse(int id, string? type, string? value, string? description = null)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text)) throw new FormatException("An address rule needs a Value: an address, a range 'a-b' or a CIDR block.");
        var kind = string.IsNullOrWhiteSpace(type) ? InferKind(text) : ParseKind(type);
        return kind switch
        {
            AddressRuleKind.IPAddress => Single(id, text, description),
            AddressRuleKind.IPRange => Range(id, text, description),
            _ => Cidr(id, text, description),
        };
    }

    /// <summary>True when the address falls inside the rule; IPv4-mapped IPv6 addresses count as IPv4.</summary>
    public bool Matches(IPAddress address)
    {
        var bytes = Normalize(address).GetAddressBytes();
        if (bytes.Length != _low.Length) return false;
        return Compare(bytes, _low) >= 0 && Compare(bytes, _high) <= 0;
    }

    internal static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static AddressRuleKind InferKind(string text) =>
        text.Contains('/') ? AddressRuleKind.CIDR : text.Contains('-') ? AddressRuleKind.IPRange : AddressRuleKind.IPAddress;

    private static AddressRuleKind ParseKind(string type)
    {
        var t = type.Trim();
        if (t.Equals("IPAddress", StringComparison.OrdinalIgnoreCase) || t.Equals("Address", StringComparison.OrdinalIgnoreCase) || t.Equals("IP", StringComparison.OrdinalIgnoreCase))
            return AddressRuleKind.IPAddress;
        if (t.Equals("IPRange", StringComparison.OrdinalIgnoreCase) || t.Equals("Range", StringComparison.OrdinalIgnoreCase))
            return AddressRuleKind.IPRange;
        if (t.Equals("CIDR", StringComparison.OrdinalIgnoreCase))
            return AddressRuleKind.CIDR;
        throw new FormatException($"Unknown rule Type '{type}': use IPAddress, IPRange or CIDR (or leave it out to infer it).");
    }

    private static AddressRule Single(int id, string text, string? description)
    {
        var bytes = ParseAddress(text).GetAddressBytes();
        return new AddressRule(id, AddressRuleKind.IPAddress, text, description, bytes, bytes);
    }

    private static AddressRule Range(int id, string text, string? description)
    {
        var dash = text.IndexOf('-');
        if (dash <= 0 || dash == text.Length - 1) throw new FormatException($"Range '{text}' must be written 'first-last', e.g. 10.0.0.1-10.0.0.50.");
        var low = ParseAddress(text[..dash].Trim()).GetAddressBytes();
        var high = ParseAddress(text[(dash + 1)..].Trim()).GetAddressBytes();
        if (low.Length != high.Length) throw new FormatException($"Range '{text}' mixes IPv4 and IPv6: both ends must be the same family.");
        if (Compare(low, high) > 0) throw new FormatException($"Range '{text}' starts after it ends: put the lower address first.");
        return new AddressRule(id, AddressRuleKind.IPRange, text, description, low, high);
    }

    private static AddressRule Cidr(int id, string text, string? description)
    {
        var slash = text.IndexOf('/');
        if (slash <= 0) throw new FormatException($"CIDR block '{text}' must be written 'address/prefix', e.g. 10.0.0.0/8.");
        var network = ParseAddress(text[..slash].Trim()).GetAddressBytes();
        var maxBits = network.Length * 8;
        if (!int.TryParse(text[(slash + 1)..].Trim(), out var prefix) || prefix < 0 || prefix > maxBits)
            throw new FormatException($"CIDR block '{text}' needs a prefix length from 0 to {maxBits}.");
        // Host bits given in the address are ignored, as admins often write 10.1.2.3/8.
        var low = (byte[])network.Clone();
        var high = (byte[])network.Clone();
        for (var bit = prefix; bit < maxBits; bit++)
        {
            var mask = (byte)(0x80 >> (bit % 8));
            low[bit / 8] &= (byte)~mask;
            high[bit / 8] |= mask;
        }
        return new AddressRule(id, AddressRuleKind.CIDR, text, description, low, high);
    }

    private static IPAddress ParseAddress(string text)
    {
        if (!IPAddress.TryParse(text, out var address) ||
            address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
            throw new FormatException($"'{text}' is not an IPv4 or IPv6 address.");
        // IPAddress.TryParse accepts "1" as 0.0.0.1; a rule that short is a typo, not an address.
        if (address.AddressFamily == AddressFamily.InterNetwork && text.Split('.').Length != 4)
            throw new FormatException($"'{text}' is not a dotted IPv4 address (a.b.c.d).");
        return Normalize(address);
    }

    private static int Compare(byte[] left, byte[] right)
    {
        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i]) return left[i].CompareTo(right[i]);
        }
        return 0;
    }

    public override string ToString() => $"{Kind} {Value}";
}
