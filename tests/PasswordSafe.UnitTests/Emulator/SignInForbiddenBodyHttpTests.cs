using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// SignAppIn's two 403s say which they are (D1): an invalid licence answers api-v3 §1.2's "Password Safe license not valid",
/// an untrusted client certificate (B5, D1 "SSL trust fails") a text naming the certificate; a client can tell them apart.
/// The certificate is judged on the emulator clock, so it expires as the clock moves on.
/// </summary>
public class SignInForbiddenBodyHttpTests
{
    [Fact]
    public async Task D1_LicenceNotValid_403_WithTheDocumentedText()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Settings = emulator.State.Settings with { LicenseValid = false };

        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.RunAs);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("\"Password Safe license not valid\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task B5_UntrustedClientCertificate_403_NamesTheCertificate_NotTheLicence()
    {
        using var authority = ClientCertificateHttpTests.CreateAuthority("Test Client CA");
        using var rogue = ClientCertificateHttpTests.CreateAuthority("Rogue CA");
        using var untrusted = ClientCertificateHttpTests.IssueClientCertificate(rogue, "rogue-client");
        await using var emulator = await StartRequiringACertificateAsync(authority);

        using var response = await TestEmulator.SignInWithKeyAsync(emulator.NewClient(clientCertificate: untrusted), DemoSeed.ApiKey, DemoSeed.RunAs);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal("\"The client certificate is not trusted: it was not issued by a certificate authority the server trusts\"", body);
        Assert.DoesNotContain("license", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task B5_AClientCertificatePastItsEnd_OnTheEmulatorClock_IsNoLongerTrusted()
    {
        using var authority = ClientCertificateHttpTests.CreateAuthority("Test Client CA");
        using var trusted = ClientCertificateHttpTests.IssueClientCertificate(authority, "trusted-client");
        await using var emulator = await StartRequiringACertificateAsync(authority);
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(clientCertificate: trusted), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);

        // The certificate is valid for 30 days from yesterday.
        using var moved = await emulator.NewControlClient().PostAsync("emulator/clock", new StringContent("{\"AdvanceMinutes\": 44640}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(clientCertificate: trusted), DemoSeed.ApiKey, DemoSeed.RunAs)).StatusCode);
    }

    private static Task<TestEmulator> StartRequiringACertificateAsync(X509Certificate2 authority)
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.ApiRegistrations.Single(r => r.Id == DemoSeed.ApiKeyRegistrationId).ClientCertificateRequired = true;
        return TestEmulator.StartAsync(seed, X509CertificateLoader.LoadCertificate(authority.RawData));
    }
}
