using System;
using System.Security.Cryptography;

namespace PasswordSafe.Emulator;

/// <summary>CSPRNG values for keys (A5), client ids and secrets (C2), session ids (B2), tokens (C3), rotated passwords and tickets (E1, E2).</summary>
internal static class SecretGenerator
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // ASP.NET session ids are 24 characters of a-z and 0-5; ours look the same.
    private const string SessionIdAlphabet = "abcdefghijklmnopqrstuvwxyz012345";

    internal static string NewApiKey() => RandomNumberGenerator.GetString(Alphanumerics, ApiKeyFormat.KeyLength);

    internal static string NewClientId() => Guid.NewGuid().ToString();

    internal static string NewClientSecret() => RandomNumberGenerator.GetString(Alphanumerics, 40);

    internal static string NewSessionId() => RandomNumberGenerator.GetString(SessionIdAlphabet, 24);

    /// <summary>A rotated managed-account password: 24 characters from four classes, like a typical password rule.</summary>
    internal static string NewAccountPassword()
    {
        const string symbols = "!#%+-=?@^_";
        return RandomNumberGenerator.GetString(Alphanumerics + symbols, 20) + RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZ", 1)
            + RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyz", 1) + RandomNumberGenerator.GetString("23456789", 1)
            + RandomNumberGenerator.GetString(symbols, 1);
    }

    /// <summary>Session ids and one-time tickets of §5.1.</summary>
    internal static string NewSessionTicket() => RandomNumberGenerator.GetString(Alphanumerics, 32);

    internal static string NewAccessToken() => RandomNumberGenerator.GetHexString(64, lowercase: true);
}
