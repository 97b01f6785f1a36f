using System;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class ClientCertificateHttpTests
{
    internal static X509Certificate2 CreateAuthority(string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    internal static X509Certificate2 IssueClientCertificate(X509Certificate2 authority, string name)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var issued = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30), serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }

    [Fact]
    public async Task B5_RequiredClientCertificateMustChainToTheTrustedAuthority()
    {
        using var authority = CreateAuthority("Test Client CA");
        using var rogueAuthority = CreateAuthority("Rogue CA");
        using var trusted = IssueClientCertificate(authority, "trusted-client");
        using var untrusted = IssueClientCertificate(rogueAuthority, "rogue-client");
        var seed = EmulatorSeed.LoadDemo();
        seed.ApiRegistrations.Single(r => r.Id == DemoSeed.ApiKeyRegistrationId).ClientCertificateRequired = true;
        await using var emulator = await TestEmulator.StartAsync(seed, X509CertificateLoader.LoadCertificate(authority.RawData));

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(clientCertificate: untrusted), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(clientCertificate: trusted), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
        // Registration 2 does not require one: certificates are ignored there.
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(clientCertificate: untrusted), DemoSeed.MfaApiKey, DemoSeed.RunAs)).StatusCode);
    }
}
