using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.Extensions.Primitives;

namespace PasswordSafe.Emulator.Authentication;

/// <summary>
/// B6 and A4: the direct peer must match an IP rule (when there are any); when XFF rules exist the request must
/// carry exactly one X-Forwarded-For address (one header, no list) and it must match an XFF rule.
/// </summary>
internal static class SourceAddressCheck
{
    /// <summary>Null when allowed, else the reason for the audit (addresses are not secret).</summary>
    internal static string? Evaluate(IReadOnlyList<AddressRule> ipRules, IReadOnlyList<AddressRule> forwardedForRules,
        IPAddress? peer, StringValues forwardedFor)
    {
        if (ipRules.Count > 0)
        {
            if (peer is null) return "the source address is unknown, so no IP rule can match";
            var address = AddressRule.Normalize(peer);
            if (!ipRules.Any(r => r.Matches(address))) return $"source address {address} matches no IP rule of the registration";
        }
        if (forwardedForRules.Count == 0) return null;

        if (forwardedFor.Count == 0) return "the registration has X-Forwarded-For rules but the request has no X-Forwarded-For header";
        if (forwardedFor.Count > 1 || (forwardedFor[0] ?? string.Empty).Contains(','))
            return "X-Forwarded-For must carry exactly one address (one header, no list)";
        var text = (forwardedFor[0] ?? string.Empty).Trim().Trim('[', ']');
        if (!IPAddress.TryParse(text, out var forwarded)) return "X-Forwarded-For does not hold an IP address";
        forwarded = AddressRule.Normalize(forwarded);
        return forwardedForRules.Any(r => r.Matches(forwarded)) ? null : $"X-Forwarded-For address {forwarded} matches no X-Forwarded-For rule";
    }
}
