using System.Net;
using Microsoft.AspNetCore.Http;

namespace PasswordSafe.Emulator.Http;

/// <summary>Request details the rules look at.</summary>
internal static class RequestFacts
{
    internal const string ForwardedForHeader = "X-Forwarded-For";
    internal const string RunAsHeader = "RunAs";
    internal const string SessionItemKey = "PasswordSafe.Emulator.Session";

    /// <summary>The direct peer (never X-Forwarded-For: A4 keeps the two apart).</summary>
    internal static IPAddress? Peer(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address ? AddressRule.Normalize(address) : null;

    /// <summary>The session the SessionRequiredFilter found for this request.</summary>
    internal static ApiSession Session(HttpContext context) => (ApiSession)context.Items[SessionItemKey]!;
}
