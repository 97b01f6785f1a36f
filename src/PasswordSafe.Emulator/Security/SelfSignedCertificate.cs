using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PasswordSafe.Emulator;

/// <summary>A throwaway server certificate for 127.0.0.1 and localhost, so the emulator is HTTPS-only (B2) with no setup.</summary>
internal static class SelfSignedCertificate
{
    // One per process: tests start dozens of servers and RSA key generation dominates their start-up.
    private static readonly Lazy<X509Certificate2> Shared = new(Create, isThreadSafe: true);

    /// <summary>The process-wide generated certificate; never disposed by a server.</summary>
    internal static X509Certificate2 ForThisProcess => Shared.Value;

    internal static X509Certificate2 Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=PasswordSafe Emulator", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        // Round-trip through PKCS#12 so the private key is usable by SslStream on every OS (Windows rejects ephemeral keys).
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }
}
