using System;
using System.IO;
using System.Threading.Tasks;
using PasswordSafe.Emulator.Cli;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class CommandLineAndBannerTests
{
    [Fact]
    public void DefaultsToPort8443AndTheDemoSeed()
    {
        var line = CommandLine.Parse([]);
        Assert.Equal(8443, line.Port);
        Assert.Null(line.SeedPath);
    }

    [Fact]
    public void ParsesEveryOption()
    {
        var line = CommandLine.Parse(["--port", "0", "--seed", "s.json", "--certificate", "c.pfx", "--certificate-password", "p",
            "--client-ca", "ca.cer", "--idle-timeout-minutes", "5"]);
        Assert.Equal(0, line.Port);
        Assert.Equal("s.json", line.SeedPath);
        Assert.Equal("c.pfx", line.CertificatePath);
        Assert.Equal("p", line.CertificatePassword);
        Assert.Equal("ca.cer", line.ClientCaPath);
        Assert.Equal(5, line.IdleTimeoutMinutes);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--port")]
    [InlineData("--idle-timeout-minutes", "0")]
    [InlineData("--bogus")]
    [InlineData("--certificate-password", "p")]
    public void RefusesBadOptions(params string[] args) => Assert.Throws<ArgumentException>(() => CommandLine.Parse(args));

    [Fact]
    public async Task DemoBannerShowsHowToConnect()
    {
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions());
        var text = new StringWriter();
        ConnectionBanner.Write(text, server, isDemoSeed: true);
        var banner = text.ToString();
        Assert.Contains(server.BaseUri.ToString(), banner);
        Assert.Contains(server.LegacyBaseUri.ToString(), banner);
        Assert.Contains(server.ServerCertificate.Thumbprint, banner);
        Assert.Contains(DemoSeed.ApiKey, banner);
        Assert.Contains(DemoSeed.ClientSecret, banner);
        Assert.Contains("/emulator/audit", banner);
        Assert.Contains($"Connect-PasswordSafe -Uri {server.RootUri.ToString().TrimEnd('/')} -ApiKey (Read-Host -AsSecureString) -RunAs demo -ServerCertificateThumbprint {server.ServerCertificate.Thumbprint}", banner);
        Assert.DoesNotContain("Response delay", banner);

        server.State.Settings = server.State.Settings with { ResponseDelayMilliseconds = 250 };
        var delayed = new StringWriter();
        ConnectionBanner.Write(delayed, server, isDemoSeed: true);
        Assert.Contains("Response delay     250 ms before every API call", delayed.ToString());
    }

    [Fact]
    public async Task CustomSeedBannerHidesSecretsTheUserWrote()
    {
        var seed = EmulatorSeed.LoadDemo();
        await using var server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = seed });
        var text = new StringWriter();
        ConnectionBanner.Write(text, server, isDemoSeed: false);
        var banner = text.ToString();
        Assert.DoesNotContain(DemoSeed.ApiKey, banner);
        Assert.DoesNotContain(DemoSeed.ClientSecret, banner);
        Assert.DoesNotContain(DemoSeed.RunAsPassword, banner);
        Assert.DoesNotContain(DemoSeed.ChallengeAnswer, banner);
    }
}
