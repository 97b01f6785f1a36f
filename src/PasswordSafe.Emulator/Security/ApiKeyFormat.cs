using System;

namespace PasswordSafe.Emulator;

/// <summary>A5: a key is 128 alphanumerics, or (old registrations) a formatted GUID.</summary>
internal static class ApiKeyFormat
{
    internal const int KeyLength = 128;

    internal static bool IsValid(string? key) => IsCurrentFormat(key) || IsLegacyGuid(key);

    internal static bool IsCurrentFormat(string? key)
    {
        if (key is null || key.Length != KeyLength) return false;
        foreach (var c in key)
        {
            if (!char.IsAsciiLetterOrDigit(c)) return false;
        }
        return true;
    }

    internal static bool IsLegacyGuid(string? key) => key is not null && Guid.TryParseExact(key, "D", out _);
}
