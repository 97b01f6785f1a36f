using System;
using System.IO;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Cli;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;
using PasswordSafe.Emulator.Cli;

/// <summary>
/// What an admin needs across restarts: the banner says the state is in memory and how to trust or pin the certificate,
/// <c>GET /emulator/status</c> gives the real port and the thumbprint, and <c>--export-certificate</c> writes the public
/// certificate a machine can trust.
/// </summary>
public sealed class CertificateAndStateStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-cert-").FullName;

    [Fact]
    public async Task Status_GivesTheRealBoundPort_AndTheThumbprint_AlsoWithPort0()
    {
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0");
        using var control = run.NewControlClient();

        var status = JsonDocument.Parse(await control.GetStringAsync("emulator/status")).RootElement;

        Assert.NotEqual(0, run.Server.Port);
        Assert.Equal(run.Server.Port, status.GetProperty("Port").GetInt32());
        Assert.Equal(run.Server.ServerCertificate.Thumbprint, status.GetProperty("CertificateThumbprint").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("LastResetAt").ValueKind);
    }

    [Fact]
    public async Task Banner_SaysStateIsInMemory_TheCertificateIsNewEachStart_AndHowToTrustOrPinIt()
    {
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0");

        var banner = run.Output;
        Assert.Contains($"thumbprint {run.Server.ServerCertificate.Thumbprint}", banner);
        Assert.Contains("Trust or pin       pin the thumbprint (-ServerCertificateThumbprint), or write the certificate with --export-certificate FILE.cer", banner);
        Assert.Contains("State              in memory only: a restart starts from the seed again, with a new self-signed certificate (keep one with --certificate)", banner);
        Assert.Equal(0, await run.ExitCodeAsync());
    }

    [Theory]
    [InlineData("server.cer")]
    [InlineData("server.pem")]
    public async Task ExportCertificate_WritesThePublicCertificate_WithoutItsKey(string name)
    {
        var path = Path.Combine(_folder, name);
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--export-certificate", path);

        using var written = X509CertificateLoader.LoadCertificateFromFile(path);
        Assert.Equal(run.Server.ServerCertificate.Thumbprint, written.Thumbprint);
        Assert.False(written.HasPrivateKey);
        Assert.Equal(name.EndsWith(".pem"), File.ReadAllText(path).StartsWith("-----BEGIN CERTIFICATE-----"));
        Assert.Contains($"Trust or pin       certificate written to {path}: trust it (Windows: Import-Certificate -FilePath {path} -CertStoreLocation Cert:\\CurrentUser\\Root)", run.Output);
    }

    [Fact]
    public async Task ExportCertificate_ToAFolderThatDoesNotExist_StopsWithTheOptionAndFile_Exit1()
    {
        var path = Path.Combine(_folder, "missing", "server.cer");
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--export-certificate", path);

        Assert.Equal(1, await run.ExitCodeAsync());
        Assert.StartsWith($"--export-certificate: cannot write '{path}':", run.Error);
    }

    [Fact]
    public void ExportCertificate_IsAnOptionWithAValue()
    {
        Assert.Equal("c.cer", CommandLine.Parse(["--export-certificate", "c.cer"]).ExportCertificatePath);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--export-certificate"]));
        Assert.Contains("--export-certificate FILE", CommandLine.Usage);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
