using System;
using System.IO;
using System.Net;
using System.Security;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// One in-process emulator seeded with Seeds/test-seed.json. Used as a class fixture for read-mostly tests
/// (each test class gets its own server, so classes run in parallel without sharing audit or session counts),
/// and started directly by tests that change auth state (rotation, recycle, settings, clock).
/// </summary>
public sealed class EmulatorFixture : IAsyncLifetime, IAsyncDisposable
{
    private readonly string? seedPath;
    private EmulatorServer? server;

    public EmulatorFixture() : this(null)
    {
    }

    private EmulatorFixture(string? seedPath) => this.seedPath = seedPath;

    public EmulatorServer Server => server ?? throw new InvalidOperationException("The emulator has not started.");

    public EmulatorState State => Server.State;

    /// <summary>The emulator's clock; tests move it forward for idle timeouts and token expiry.</summary>
    public EmulatorClock Clock { get; } = new();

    public TestSeed Seed { get; private set; } = TestSeed.Load();

    public TestCertificates Certificates { get; } = TestCertificates.Create();

    /// <summary>SHA-1 thumbprint of the emulator's self-signed certificate, for -ServerCertificateThumbprint.</summary>
    public string Thumbprint => Server.ServerCertificate.Thumbprint;

    /// <summary>Starts a private emulator, optionally with a changed copy of the test seed.</summary>
    public static async Task<EmulatorFixture> StartIsolatedAsync(Action<JsonObject>? seedChange = null)
    {
        var fixture = new EmulatorFixture(seedChange == null ? null : TestSeed.WriteVariant(seedChange));
        await fixture.InitializeAsync();
        return fixture;
    }

    public async Task InitializeAsync()
    {
        var path = seedPath ?? RepositoryPaths.TestSeed;
        Seed = TestSeed.Load(path);
        server = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            SeedPath = path,
            ClientCertificateAuthority = Certificates.Authority,
            Clock = Clock,
        });
    }

    /// <summary>
    /// A runspace with the module imported and the connection facts users copy from the emulator banner:
    /// $Uri (host root), $BaseUri, $LegacyUri and $Thumbprint.
    /// </summary>
    /// <summary>A runner whose host cannot prompt (like a scheduled task), signed in as the seed's administrator.</summary>
    public PowerShellRunner NonInteractiveAdmin()
    {
        var admin = NewRunner(interactive: false);
        admin.Run(ConnectWithKey(admin, TestSeed.AdminKey, "admin")).AssertSuccess();
        return admin;
    }

    public PowerShellRunner NewRunner(bool interactive = true)
    {
        var runner = PowerShellRunner.Start(interactive);
        runner.SetVariable("Uri", Server.RootUri.ToString());
        runner.SetVariable("BaseUri", Server.BaseUri.ToString());
        runner.SetVariable("LegacyUri", Server.LegacyBaseUri.ToString());
        runner.SetVariable("Thumbprint", Thumbprint);
        return runner;
    }

    /// <summary>
    /// Puts the registration's key into $ApiKey (SecureString) and returns the text of a Connect call for
    /// <paramref name="runAs"/>; extra parameters are appended as typed.
    /// </summary>
    public string ConnectWithKey(PowerShellRunner runner, int registrationId, string runAs, string extra = "")
    {
        runner.SetVariable("ApiKey", Secure(KeyOf(registrationId)));
        runner.SetVariable("RunAsName", runAs);
        return $"Connect-PasswordSafe -Uri $Uri -ApiKey $ApiKey -RunAs $RunAsName -ServerCertificateThumbprint $Thumbprint {extra}".TrimEnd();
    }

    /// <summary>Puts the application user's client id/secret into $ClientCredential and returns an OAuth Connect call.</summary>
    public string ConnectWithClient(PowerShellRunner runner, string applicationUser, string extra = "", string? secret = null)
    {
        runner.SetVariable("ClientCredential", new System.Management.Automation.PSCredential(
            Seed.ClientId(applicationUser), Secure(secret ?? Seed.ClientSecret(applicationUser))));
        return $"Connect-PasswordSafe -Uri $Uri -ClientCredential $ClientCredential -ServerCertificateThumbprint $Thumbprint {extra}".TrimEnd();
    }

    /// <summary>The key a registration has now: seeded, or read from the state when the emulator generated it.</summary>
    public string KeyOf(int registrationId) =>
        Seed.ApiKey(registrationId) ?? State.ReadApiKey(registrationId, "test-harness");

    public static SecureString Secure(string text) => new NetworkCredential(string.Empty, text).SecurePassword;

    public async Task DisposeAsync()
    {
        if (server != null) await server.DisposeAsync();
        Certificates.Dispose();
        if (seedPath != null) File.Delete(seedPath);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
