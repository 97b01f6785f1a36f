using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using Xunit;

namespace PasswordSafe.Tests.Infrastructure;

/// <summary>
/// An in-process emulator with the checkout seed (test-seed.json + checkout-seed.json). Used as a class fixture
/// for read-only tests, and started per test (<see cref="StartAsync"/>) where a test changes requests, so no test
/// sees another's open requests, conflicts or rotated passwords.
/// </summary>
public sealed class CheckoutEmulator : IAsyncLifetime, IAsyncDisposable
{
    private static readonly Lazy<string> PlainKey = new(() => TestSeed.Load().ApiKey(TestSeed.PlainKey)!);

    private EmulatorServer? server;

    public EmulatorServer Server => server ?? throw new InvalidOperationException("The emulator has not started.");

    public EmulatorState State => Server.State;

    public EmulatorClock Clock { get; } = new();

    public CheckoutSeed Seed { get; } = CheckoutSeed.Load();

    public static async Task<CheckoutEmulator> StartAsync()
    {
        var emulator = new CheckoutEmulator();
        await emulator.InitializeAsync();
        return emulator;
    }

    /// <summary>Started with the checkout seed as <paramref name="changeSeed"/> changes it: what the API cannot create (aliases).</summary>
    public static async Task<CheckoutEmulator> StartAsync(Action<JsonObject> changeSeed)
    {
        var emulator = new CheckoutEmulator();
        var seed = JsonNode.Parse(CheckoutSeed.Json)!.AsObject();
        changeSeed(seed);
        await emulator.StartServerAsync(seed.ToJsonString());
        return emulator;
    }

    public Task InitializeAsync() => StartServerAsync(CheckoutSeed.Json);

    private async Task StartServerAsync(string seedJson)
    {
        server = await EmulatorServer.StartAsync(new EmulatorOptions { Seed = EmulatorSeed.Parse(seedJson), Clock = Clock });
    }

    /// <summary>A runspace with the module imported and the facts users copy from the emulator banner ($Uri, $Thumbprint).</summary>
    public PowerShellRunner NewRunner(bool interactive = true)
    {
        var runner = PowerShellRunner.Start(interactive);
        runner.SetVariable("Uri", Server.RootUri.ToString());
        runner.SetVariable("Thumbprint", Server.ServerCertificate.Thumbprint);
        return runner;
    }

    /// <summary>
    /// Connects <paramref name="runAs"/> with the plain API key (the key goes in as a SecureString variable, never
    /// in the script text). <paramref name="sessionVariable"/>: also keep the session in that variable.
    /// </summary>
    public void Connect(PowerShellRunner runner, string runAs, string? sessionVariable = null, bool makeDefault = true)
    {
        runner.SetVariable("CheckoutApiKey", EmulatorFixture.Secure(PlainKey.Value));
        runner.SetVariable("CheckoutRunAs", runAs);
        var connect = "Connect-PasswordSafe -Uri $Uri -ApiKey $CheckoutApiKey -RunAs $CheckoutRunAs -ServerCertificateThumbprint $Thumbprint"
                      + (makeDefault ? string.Empty : " -NoDefault");
        var script = sessionVariable == null ? connect : $"${sessionVariable} = {connect} -PassThru";
        runner.Run(script).AssertSuccess();
    }

    /// <summary>A runspace signed in as <paramref name="runAs"/> (the default session).</summary>
    public PowerShellRunner RunnerFor(string runAs)
    {
        var runner = NewRunner();
        Connect(runner, runAs);
        return runner;
    }

    /// <summary>Requests still open (pending or active) in the emulator, on the emulator clock.</summary>
    public int OpenRequestCount => State.ReleaseRequests.Count(r => r.IsOpen);

    public ReleaseRequest Request(int requestId) =>
        State.FindRequest(requestId) ?? throw new Xunit.Sdk.XunitException($"The emulator has no request {requestId}.");

    public async Task DisposeAsync()
    {
        if (server != null) await server.DisposeAsync();
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
