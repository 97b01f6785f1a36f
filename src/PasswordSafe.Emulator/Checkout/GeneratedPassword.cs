using System;
using System.Security.Cryptography;
using System.Text;

namespace PasswordSafe.Emulator;

/// <summary>
/// Passwords of generated accounts: derived from the account id so a large data set costs nothing to load and
/// is the same on every run (test data, never a real secret).
/// </summary>
internal static class GeneratedPassword
{
    internal static string For(int accountId)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.ASCII.GetBytes($"PasswordSafe emulator generated account {accountId}"), hash);
        return "Gen-" + Convert.ToBase64String(hash[..15]).Replace('+', '.').Replace('/', '_');
    }
}
