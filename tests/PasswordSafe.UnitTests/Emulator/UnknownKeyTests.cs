using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using PasswordSafe.UnitTests.Emulator.Cli;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Keys the emulator does not know: a seed still starts (the format ignores them, so older emulators read newer seeds),
/// but the banner warns with their paths; <c>PUT /emulator/settings</c> refuses them with a 400 naming them.
/// </summary>
public sealed class UnknownKeyTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("emulator-keys-").FullName;

    [Fact]
    public void UnknownProperties_AreListedByPath_AtEveryDepth_KnownOnesInAnyCaseAreNot()
    {
        var seed = EmulatorSeed.Parse("""
            { "Userz": [ { "UserName": "x" } ],
              "settings": { "SessionIdleTimeout": 5, "LICENSEVALID": true },
              "Users": [ { "UserID": 1, "UserName": "a", "Passwrd": "p", "TwoFactor": { "Type": "None", "Promt": "?" } } ],
              "AccessPolicies": [ { "AccessPolicyID": 1, "Schedules": [ { "ScheduleID": 1, "AccessTypes": [ { "AccessType": "View", "MinApprover": 1 } ] } ] } ],
              "Generate": { "ManagedSystems": 0, "Systems": 1 } }
            """);

        Assert.Equal(new[]
        {
            "$.Userz", "$.settings.SessionIdleTimeout", "$.Users[0].Passwrd", "$.Users[0].TwoFactor.Promt",
            "$.AccessPolicies[0].Schedules[0].AccessTypes[0].MinApprover", "$.Generate.Systems",
        }, seed.IgnoredProperties);
    }

    [Fact]
    public void TheDemoSeed_HasNoUnknownProperty() => Assert.Empty(EmulatorSeed.LoadDemo().IgnoredProperties);

    [Fact]
    public async Task ASeedWithUnknownProperties_Starts_AndTheBannerWarnsWithTheirPaths()
    {
        var path = Path.Combine(_folder, "seed.json");
        await File.WriteAllTextAsync(path, """{ "Userz": [], "Settings": { "SessionIdleTimeout": 5 } }""");

        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--seed", path);

        Assert.Equal(20, run.Server.State.Settings.SessionIdleTimeoutMinutes);
        Assert.StartsWith($"Warning: the seed file '{path}' has properties the emulator does not know, so they are ignored: " +
            "$.Userz, $.Settings.SessionIdleTimeout. Check their spelling against \"Seed format\" in the emulator README.", run.Output);
    }

    [Fact]
    public async Task ManyUnknownProperties_AreNamedUpToTen_AndCounted()
    {
        var path = Path.Combine(_folder, "seed.json");
        await File.WriteAllTextAsync(path, "{ " + string.Join(", ", Enumerable.Range(1, 13).Select(i => $"\"Bogus{i}\": {i}")) + " }");

        await using var run = await EmulatorProgramRun.StartAsync("--port", "0", "--seed", path);

        Assert.Contains("$.Bogus1, $.Bogus2, $.Bogus3, $.Bogus4, $.Bogus5, $.Bogus6, $.Bogus7, $.Bogus8, $.Bogus9, $.Bogus10 and 3 more.", run.Output);
        Assert.DoesNotContain("$.Bogus11", run.Output);
    }

    [Fact]
    public async Task TheDemoSeed_StartsWithoutWarnings()
    {
        await using var run = await EmulatorProgramRun.StartAsync("--port", "0");

        Assert.DoesNotContain("Warning:", run.Output);
    }

    [Theory]
    [InlineData("{\"Bogus\": 1}", "Unknown key in settings: Bogus.")]
    [InlineData("{\"SessionIdleTimeout\": 5, \"LicenceValid\": false}", "Unknown keys in settings: SessionIdleTimeout, LicenceValid.")]
    public async Task PutSettings_WithUnknownKeys_Is400NamingThem_AndChangesNothing(string body, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var before = emulator.State.Settings;

        using var response = await CheckoutHttp.PutJsonAsync(control, "emulator/settings", body);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains(reason, text);
        Assert.Contains("Known keys: SessionIdleTimeoutMinutes, ClientSecretExpiryDays, LicenseValid, ApiEnabled, ResponseDelayMilliseconds, MaximumPageSize.", text);
        Assert.Equal(before, emulator.State.Settings);
    }

    [Fact]
    public async Task PutSettings_KnownKeysInAnyCase_AreApplied()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(control, "emulator/settings", "{\"sessionIdleTimeoutMINUTES\": 9}"), HttpStatusCode.OK);

        Assert.Equal(9, emulator.State.Settings.SessionIdleTimeoutMinutes);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
