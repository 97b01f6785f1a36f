using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Cli;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// B5: a registration that requires a client certificate cannot be signed in with when no --client-ca is trusted; the
/// banner says so at start, naming the registration and the fix, instead of leaving every sign-in to fail.
/// </summary>
public sealed class ClientCaWarningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-ca-").FullName;

    private string SeedRequiringACertificate()
    {
        var seed = EmulatorSeed.LoadDemo();
        var registration = seed.ApiRegistrations.Find(r => r.Id == DemoSeed.ApiKeyRegistrationId)!;
        registration.ClientCertificateRequired = true;
        var path = Path.Combine(_folder, "seed.json");
        File.WriteAllText(path, SeedReader.Serialize(seed));
        return path;
    }

    [Fact]
    public async Task B5_CertificateRequired_WithoutClientCa_TheBannerWarnsNamingTheRegistration()
    {
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--seed", SeedRequiringACertificate());

        Assert.StartsWith("Warning: registration [1] 'Demo key' requires a client certificate (B5), but no --client-ca was given, so no " +
            "certificate is trusted and every sign-in with it is refused (403 with a certificate, 401 without). Start with --client-ca CA.cer", run.Output);
        Assert.DoesNotContain("registration [2]", run.Output.Split("API key registrations")[0]);
    }

    [Fact]
    public async Task B5_CertificateRequired_WithClientCa_NoWarning()
    {
        using var key = RSA.Create(2048);
        using var ca = new CertificateRequest("CN=Test CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var caPath = Path.Combine(_folder, "ca.pem");
        File.WriteAllText(caPath, ca.ExportCertificatePem());

        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--seed", SeedRequiringACertificate(), "--client-ca", caPath);

        Assert.DoesNotContain("Warning:", run.Output);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
