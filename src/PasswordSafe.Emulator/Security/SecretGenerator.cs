using System;
using System.Security.Cryptography;

namespace PasswordSafe.Emulator;

/// <summary>CSPRNG values for keys (A5), client ids and secrets (C2), session ids (B2) and tokens (C3).</summary>
internal static class SecretGenerator
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    // ASP.NET session ids are 24 characters of a-z and 0-5; ours look the same.
    private const string SessionIdAlphabet = "abcdefghijklmnopqrstuvwxyz012345";

    internal static string NewApiKey() => RandomNumberGenerator.GetString(Alphanumerics, ApiKeyFormat.KeyLength);

    internal static string NewClientId() => Guid.NewGuid().ToString();

    internal static string NewClientSecret() => RandomNumberGenerator.GetString(Alphanumerics, 40);

    internal static string NewSessionId() => RandomNumberGenerator.GetString(SessionIdAlphabet, 24);

    internal static string NewAccessToken() => RandomNumberGenerator.GetHexString(64, lowercase: true);
}
