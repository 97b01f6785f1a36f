using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// In-memory certificates for B5 (client certificates) and for the stub HTTPS server.
/// Every certificate with a private key goes through a PFX round trip: on Linux SslStream can only
/// use a private key that came from an exported/imported PFX, not an ephemeral CertificateRequest key.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private TestCertificates(X509Certificate2 authority, X509Certificate2 trustedClient, X509Certificate2 untrustedClient)
    {
        Authority = authority;
        TrustedClient = trustedClient;
        UntrustedClient = untrustedClient;
    }

    /// <summary>The CA the emulator trusts for client certificates (with private key, it signs the client cert).</summary>
    public X509Certificate2 Authority { get; }

    /// <summary>A client certificate issued by <see cref="Authority"/>.</summary>
    public X509Certificate2 TrustedClient { get; }

    /// <summary>A self-signed client certificate nobody trusts.</summary>
    public X509Certificate2 UntrustedClient { get; }

    public static TestCertificates Create()
    {
        var authority = CreateAuthority("CN=PasswordSafe Test CA");
        var trusted = IssueClientCertificate(authority, "CN=runbook-client");
        var untrusted = CreateSelfSignedClient("CN=stranger-client");
        return new TestCertificates(authority, trusted, untrusted);
    }

    /// <summary>A self-signed TLS server certificate for 127.0.0.1/localhost (the stub server).</summary>
    public static X509Certificate2 CreateServerCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return RoundTrip(certificate);
    }

    public void Dispose()
    {
        Authority.Dispose();
        TrustedClient.Dispose();
        UntrustedClient.Dispose();
    }

    private static X509Certificate2 CreateAuthority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return RoundTrip(certificate);
    }

    private static X509Certificate2 IssueClientCertificate(X509Certificate2 authority, string subject)
    {
        using var key = RSA.Create(2048);
        var request = ClientRequest(subject, key);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var serial = RandomNumberGenerator.GetBytes(12);
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return RoundTrip(withKey);
    }

    private static X509Certificate2 CreateSelfSignedClient(string subject)
    {
        using var key = RSA.Create(2048);
        using var certificate = ClientRequest(subject, key)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return RoundTrip(certificate);
    }

    private static CertificateRequest ClientRequest(string subject, RSA key)
    {
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            new OidCollection { new Oid("1.3.6.1.5.5.7.3.2") }, false));
        return request;
    }

    private static X509Certificate2 RoundTrip(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null, X509KeyStorageFlags.Exportable);
}
