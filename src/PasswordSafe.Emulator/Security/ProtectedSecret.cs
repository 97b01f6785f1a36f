using System.Security.Cryptography;
using System.Text;

namespace PasswordSafe.Emulator;

/// <summary>
/// One encrypted secret (API key, password, client secret, challenge answer). Comparison is constant-time
/// over the bytes (A5) so response timing does not reveal how much of a guess was right.
/// ToString never shows the value.
/// </summary>
internal sealed class ProtectedSecret
{
    private readonly byte[] _sealed;

    private ProtectedSecret(byte[] sealedBytes) => _sealed = sealedBytes;

    internal static ProtectedSecret Protect(string plaintext) => new(SecretProtector.Encrypt(plaintext));

    internal string Reveal()
    {
        var plain = SecretProtector.DecryptToBytes(_sealed);
        try { return Encoding.UTF8.GetString(plain); }
        finally { CryptographicOperations.ZeroMemory(plain); }
    }

    internal bool Matches(string? candidate)
    {
        if (candidate is null) return false;
        var plain = SecretProtector.DecryptToBytes(_sealed);
        var offered = Encoding.UTF8.GetBytes(candidate);
        try { return CryptographicOperations.FixedTimeEquals(plain, offered); }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
            CryptographicOperations.ZeroMemory(offered);
        }
    }

    public override string ToString() => "********";
}
