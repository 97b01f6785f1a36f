using System;
using System.Security.Cryptography;
using System.Text;

namespace PasswordSafe.Emulator;

/// <summary>
/// A5: secrets are held encrypted in memory with AES-GCM under a key made fresh for each process,
/// so a heap dump or a debugger view of the state shows no key, password or client secret.
/// </summary>
internal static class SecretProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] ProcessKey = RandomNumberGenerator.GetBytes(32);

    internal static byte[] Encrypt(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedBytes = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(ProcessKey, TagSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    internal static byte[] DecryptToBytes(byte[] sealedBytes)
    {
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using var aes = new AesGcm(ProcessKey, TagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize + TagSize),
            sealedBytes.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }
}
