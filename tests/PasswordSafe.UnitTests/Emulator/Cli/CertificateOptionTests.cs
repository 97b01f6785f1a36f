using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Cli;

/// <summary>
/// --certificate and --client-ca files that cannot be used stop the start (exit 1) with a message naming the option, the
/// file and what is wrong with it — never .NET's "ASN1 corrupted data" or a BIO error, and never the password.
/// </summary>
public sealed class CertificateOptionTests : IDisposable
{
    private const string Password = "Pfx-Passw0rd!";
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-certopt-").FullName;
    private readonly X509Certificate2 _certificate;

    public CertificateOptionTests()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        _certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, System.Text.Encoding.ASCII.GetBytes(text));

    private async Task<string> RefusedAsync(params string[] args)
    {
        await using var run = await EmulatorProgramRun.StartAsync(["--port", "0", .. args]);
        Assert.True(run.HasEnded, "The emulator started: " + run.Output);
        Assert.Equal(1, await run.ExitCodeAsync());
        Assert.DoesNotContain(Password, run.Error + run.Output);
        Assert.DoesNotContain("ASN1", run.Error);
        Assert.DoesNotContain("cryptographic operation", run.Error);
        return run.Error;
    }

    [Fact]
    public async Task Certificate_FileNotFound_NamesTheOptionAndTheFile()
    {
        var path = Path.Combine(_folder, "nonexistent.pfx");
        Assert.Contains($"--certificate: the file '{path}' does not exist.", await RefusedAsync("--certificate", path));
    }

    [Fact]
    public async Task Certificate_PemGiven_SaysItIsNotAPfx()
    {
        var path = Write("server.pem", _certificate.ExportCertificatePem());
        Assert.Contains($"--certificate: '{path}' is not a PFX (PKCS#12) file but PEM text.", await RefusedAsync("--certificate", path));
    }

    [Fact]
    public async Task Certificate_DerCertificateGiven_SaysItIsNotAPfx()
    {
        var path = Write("server.cer", _certificate.Export(X509ContentType.Cert));
        Assert.Contains($"--certificate: '{path}' is not a PFX (PKCS#12) file.", await RefusedAsync("--certificate", path));
    }

    [Fact]
    public async Task Certificate_PasswordMissing_AsksForCertificatePassword()
    {
        var path = Write("server.pfx", _certificate.Export(X509ContentType.Pkcs12, Password));
        Assert.Contains($"--certificate: '{path}' is a PFX that needs a password: give it with --certificate-password.", await RefusedAsync("--certificate", path));
    }

    [Fact]
    public async Task Certificate_WrongPassword_SaysSo_WithoutThePassword()
    {
        var path = Write("server.pfx", _certificate.Export(X509ContentType.Pkcs12, Password));
        Assert.Contains($"--certificate: '{path}' could not be opened with the --certificate-password given",
            await RefusedAsync("--certificate", path, "--certificate-password", "Wrong-" + Password));
    }

    [Fact]
    public async Task Certificate_PfxWithoutAPrivateKey_SaysTheKeyIsMissing()
    {
        using var publicOnly = X509CertificateLoader.LoadCertificate(_certificate.Export(X509ContentType.Cert));
        var path = Write("nokey.pfx", publicOnly.Export(X509ContentType.Pkcs12, Password));
        Assert.Contains($"--certificate: '{path}' holds no private key", await RefusedAsync("--certificate", path, "--certificate-password", Password));
    }

    [Fact]
    public async Task Certificate_GoodPfx_IsTheServerCertificate_AndTheBannerSaysItStays()
    {
        var path = Write("server.pfx", _certificate.Export(X509ContentType.Pkcs12, Password));
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--certificate", path, "--certificate-password", Password);

        Assert.Equal(_certificate.Thumbprint, run.Server.ServerCertificate.Thumbprint);
        Assert.Contains("the certificate is the --certificate one", run.Output);
        Assert.DoesNotContain(Password, run.Output);
    }

    [Fact]
    public async Task ClientCa_FileNotFound_NamesTheOptionAndTheFile()
    {
        var path = Path.Combine(_folder, "nonexistent.cer");
        var error = await RefusedAsync("--client-ca", path);
        Assert.Contains($"--client-ca: the file '{path}' does not exist.", error);
        Assert.DoesNotContain("BIO", error);
    }

    [Fact]
    public async Task ClientCa_NotACertificate_SaysSo()
    {
        var path = Write("ca.cer", "hello, I am not a certificate");
        Assert.Contains($"--client-ca: '{path}' is not a certificate: give the CA's public certificate (.cer, DER or PEM).", await RefusedAsync("--client-ca", path));
    }

    [Fact]
    public async Task ClientCa_PfxGiven_AsksForThePublicCertificate()
    {
        var path = Write("ca.pfx", _certificate.Export(X509ContentType.Pkcs12, Password));
        Assert.Contains($"--client-ca: '{path}' is a PFX; give the CA's public certificate instead", await RefusedAsync("--client-ca", path));
    }

    [Theory]
    [InlineData("ca.pem")]
    [InlineData("ca.cer")]
    public async Task ClientCa_PemOrDer_IsTaken(string name)
    {
        var path = name.EndsWith(".pem") ? Write(name, _certificate.ExportCertificatePem()) : Write(name, _certificate.Export(X509ContentType.Cert));
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--client-ca", path);

        Assert.NotEqual(0, run.Server.Port);
    }

    public void Dispose()
    {
        _certificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
