using System.Collections.Generic;
using System.Linq;
using System.Net;
using Microsoft.Extensions.Primitives;

namespace PasswordSafe.Emulator.Authentication;

/// <summary>
/// B6 and A4: the direct peer must match an IP rule or the IP address of a PSRUN rule (A3 lets a registration have
/// either; one with neither admits nobody); when XFF rules exist the request must carry exactly one X-Forwarded-For
/// address (one header, no list) and it must match an XFF rule.
/// </summary>
internal static class SourceAddressCheck
{
    /// <summary>Sign-in and token checks: null when allowed, else the reason for the audit (addresses are not secret).</summary>
    internal static string? Evaluate(ApiRegistration registration, IPAddress? peer, StringValues forwardedFor) =>
        Evaluate(registration.IPAuthenticationRules, registration.PSRUNRules, registration.XForwardedForAuthenticationRules, peer, forwardedFor);

    internal static string? Evaluate(IReadOnlyList<AddressRule> ipRules, IReadOnlyList<PsrunRule> psrunRules,
        IReadOnlyList<AddressRule> forwardedForRules, IPAddress? peer, StringValues forwardedFor)
    {
        if (PeerProblem(ipRules, psrunRules, peer) is { } problem) return problem;
        if (forwardedForRules.Count == 0) return null;

        if (forwardedFor.Count == 0) return "the registration has X-Forwarded-For rules but the request has no X-Forwarded-For header";
        if (forwardedFor.Count > 1 || (forwardedFor[0] ?? string.Empty).Contains(','))
            return "X-Forwarded-For must carry exactly one address (one header, no list)";
        var text = (forwardedFor[0] ?? string.Empty).Trim().Trim('[', ']');
        if (!IPAddress.TryParse(text, out var forwarded)) return "X-Forwarded-For does not hold an IP address";
        forwarded = AddressRule.Normalize(forwarded);
        return forwardedForRules.Any(r => r.Matches(forwarded)) ? null : $"X-Forwarded-For address {forwarded} matches no X-Forwarded-For rule";
    }

    /// <summary>
    /// The direct peer alone (every call of a session, [I]): null when an IP rule or a PSRUN rule's address admits it.
    /// A handful of rules per registration, so this costs nothing next to the call itself.
    /// </summary>
    internal static string? PeerProblem(IReadOnlyList<AddressRule> ipRules, IReadOnlyList<PsrunRule> psrunRules, IPAddress? peer)
    {
        if (ipRules.Count == 0 && psrunRules.Count == 0) return "the registration has no IP rule or PSRUN rule, so no address may use it (A3)";
        if (peer is null) return "the source address is unknown, so no IP or PSRUN rule can match";
        var address = AddressRule.Normalize(peer);
        foreach (var rule in ipRules)
            if (rule.Matches(address)) return null;
        foreach (var rule in psrunRules)
            if (rule.SourceAddress?.Matches(address) == true) return null;
        return psrunRules.Count == 0
            ? $"source address {address} matches no IP rule of the registration"
            : $"source address {address} matches no IP rule and no PSRUN rule's IPAddress of the registration";
    }
}
