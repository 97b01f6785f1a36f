using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using PasswordSafe.Http;
using PasswordSafe.Internal;

namespace PasswordSafe.Admin;

/// <summary>
/// Parses one IP / X-Forwarded-For rule value (spec A3, A4): a single IPv4 or IPv6 address, a range
/// <c>start-end</c> of one family with start ≤ end, or a CIDR block whose prefix fits the family.
/// Pure: the error names the bad value and says which form was expected.
/// </summary>
internal static class AddressRuleParser
{
    private const string Forms = "Use a single IPv4 or IPv6 address (10.0.0.5), a range (10.0.0.1-10.0.0.99) or a CIDR block (10.0.0.0/24, fd00::/64).";

    /// <param name="value">The rule text.</param>
    /// <param name="declaredType">The <c>Type</c> a rule object carried, if any; it must agree with the value.</param>
    /// <param name="listName">The parameter the rule came from, for the message (e.g. <c>-IPRule</c>).</param>
    public static ParsedAddressRule Parse(string? value, string? declaredType, string listName)
    {
        var text = (value ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw Invalid(listName, value, "it is empty");
        }

        var parsed = text.IndexOf('/') >= 0 ? ParseCidr(text, listName)
            : text.IndexOf('-') >= 0 ? ParseRange(text, listName)
            : ParseSingle(text, listName);

        if (!string.IsNullOrWhiteSpace(declaredType) && !declaredType!.Trim().Equals(parsed.Type, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(listName, text, $"it is declared as Type '{declaredType.Trim()}' but its value is of type '{parsed.Type}'");
        }

        return parsed;
    }

    private static ParsedAddressRule ParseSingle(string text, string listName)
    {
        var address = ParseAddress(text, text, listName);
        return new ParsedAddressRule(AddressRuleType.IPAddress, text, address.ToString());
    }

    private static ParsedAddressRule ParseRange(string text, string listName)
    {
        var parts = text.Split('-');
        if (parts.Length != 2)
        {
            throw Invalid(listName, text, "a range has exactly one '-' between two addresses");
        }

        var start = ParseAddress(parts[0].Trim(), text, listName);
        var end = ParseAddress(parts[1].Trim(), text, listName);
        if (start.AddressFamily != end.AddressFamily)
        {
            throw Invalid(listName, text, "the start and end of a range must both be IPv4 or both be IPv6");
        }

        if (Compare(start, end) > 0)
        {
            throw Invalid(listName, text, "the start of the range is after its end");
        }

        var value = parts[0].Trim() + "-" + parts[1].Trim();
        return new ParsedAddressRule(AddressRuleType.IPRange, value, start + "-" + end);
    }

    private static ParsedAddressRule ParseCidr(string text, string listName)
    {
        var parts = text.Split('/');
        if (parts.Length != 2)
        {
            throw Invalid(listName, text, "a CIDR block has exactly one '/' between an address and a prefix length");
        }

        var address = ParseAddress(parts[0].Trim(), text, listName);
        var maxPrefix = address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        var prefixText = parts[1].Trim();
        if (prefixText.Length == 0 || prefixText.Length > 3 || !IsDigits(prefixText)
            || !int.TryParse(prefixText, NumberStyles.None, CultureInfo.InvariantCulture, out var prefix) || prefix > maxPrefix)
        {
            throw Invalid(listName, text, $"the prefix length must be a number from 0 to {maxPrefix} for an {Family(address)} block");
        }

        var value = parts[0].Trim() + "/" + prefix.ToString(CultureInfo.InvariantCulture);
        return new ParsedAddressRule(AddressRuleType.Cidr, value, address + "/" + prefix.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Strict: IPAddress.TryParse alone would accept "10" (as 0.0.0.10), "1.2.3" and octal-looking octets,
    /// which an administrator never means; IPv6 zone ids (%eth0) are local to one host, so they are refused too.
    /// </summary>
    private static IPAddress ParseAddress(string part, string wholeRule, string listName)
    {
        if (part.IndexOf(':') >= 0)
        {
            if (part.IndexOf('%') < 0 && IPAddress.TryParse(part, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6)
            {
                return v6;
            }

            throw Invalid(listName, wholeRule, $"'{part}' is not a valid IPv6 address");
        }

        var octets = part.Split('.');
        if (octets.Length != 4)
        {
            throw Invalid(listName, wholeRule, $"'{part}' is not a valid IPv4 address (four numbers 0-255 separated by dots)");
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var octet = octets[i];
            if (octet.Length == 0 || octet.Length > 3 || !IsDigits(octet) || (octet.Length > 1 && octet[0] == '0')
                || !int.TryParse(octet, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number > 255)
            {
                throw Invalid(listName, wholeRule, $"'{part}' is not a valid IPv4 address (four numbers 0-255 separated by dots, no leading zeros)");
            }

            bytes[i] = (byte)number;
        }

        return new IPAddress(bytes);
    }

    private static int Compare(IPAddress left, IPAddress right)
    {
        var a = left.GetAddressBytes();
        var b = right.GetAddressBytes();
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }

    private static bool IsDigits(string text)
    {
        foreach (var c in text)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static string Family(IPAddress address) => address.AddressFamily == AddressFamily.InterNetwork ? "IPv4" : "IPv6";

    private static PasswordSafeException Invalid(string listName, string? value, string reason) =>
        new PasswordSafeException(ErrorIds.ValidationFailed, $"{listName} rule '{value}' is not valid: {reason}.", Forms);
}
