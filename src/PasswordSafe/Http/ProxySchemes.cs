using System;
using PasswordSafe.Internal;

namespace PasswordSafe.Http;

/// <summary>
/// The proxy schemes -Proxy takes, and where they work: http and https everywhere; socks4, socks4a and socks5 only on
/// .NET 6 and later (PowerShell 7.2+). .NET Framework (Windows PowerShell 5.1) has no SOCKS client at all, and .NET
/// Core 3.1 / .NET 5 (PowerShell 7.0 / 7.1) refuse a SOCKS proxy only at the first call, with a bare NotSupportedException.
/// </summary>
internal static class ProxySchemes
{
    /// <summary>The .NET major version whose handler first speaks SOCKS (PowerShell 7.2).</summary>
    public const int SocksSinceDotNet = 6;

    private static readonly string[] Known = { "http", "https", "socks4", "socks4a", "socks5" };

    public static bool IsKnown(string scheme) => Array.IndexOf(Known, scheme.ToLowerInvariant()) >= 0;

    public static bool IsSocks(string scheme) => scheme.StartsWith("socks", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when this runtime's handler can use a proxy of this (known) scheme.</summary>
    public static bool WorksOn(string scheme, ClrRuntime runtime) =>
        !IsSocks(scheme) || (!runtime.IsNetFramework && runtime.MajorVersion >= SocksSinceDotNet);
}
