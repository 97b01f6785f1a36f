using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// <c>/emulator/clock</c> and <c>/emulator/reset</c> over HTTPS, as an out-of-process Pester suite drives them: time moves
/// forward only and every time-based rule (B2, C3, E1) follows it; a reset starts over from the seed the server started
/// with (generated values kept), ends every session, and keeps the certificate and the port.
/// </summary>
public class ClockAndResetHttpTests
{
    [Fact]
    public async Task GetClock_IsRealTimeWithNoOffset_AndPostMovesItForward()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        var before = await CheckoutHttp.ReadJsonAsync(await control.GetAsync("emulator/clock"));
        Assert.Equal(0, before.GetProperty("OffsetMinutes").GetDouble());
        Assert.Equal("00:00:00", before.GetProperty("Offset").GetString());
        Assert.InRange(before.GetProperty("Now").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));

        using var moved = await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"advanceMinutes\": 90}");
        await CheckoutHttp.AssertStatusAsync(moved, HttpStatusCode.OK);
        var after = await CheckoutHttp.ReadJsonAsync(moved);
        Assert.Equal(90, after.GetProperty("OffsetMinutes").GetDouble());
        Assert.Equal("01:30:00", after.GetProperty("Offset").GetString());
        Assert.InRange(after.GetProperty("Now").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(89), DateTimeOffset.UtcNow.AddMinutes(91));
        Assert.Equal(TimeSpan.FromMinutes(90), emulator.Clock.Offset);
        Assert.Equal(90, (await CheckoutHttp.ReadJsonAsync(await control.GetAsync("emulator/clock"))).GetProperty("OffsetMinutes").GetDouble());
    }

    [Theory]
    [InlineData("{\"AdvanceMinutes\": -5}", "only moves forward")]
    [InlineData("{\"AdvanceMinutes\": 0}", "only moves forward")]
    [InlineData("{}", "AdvanceMinutes is required")]
    [InlineData("{\"Minutes\": 5}", "Unknown key in a clock change: Minutes")]
    [InlineData("{\"AdvanceMinutes\": 99999999}", "at most")]
    [InlineData("{\"AdvanceMinutes\": \"5\"}", "not valid")]
    [InlineData("[5]", "JSON object")]
    [InlineData("five", "not valid")]
    public async Task PostClock_RefusesAnythingButAForwardMove_WithA400SayingWhy(string body, string reason)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        using var response = await CheckoutHttp.PostJsonAsync(control, "emulator/clock", body);

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.Zero, emulator.Clock.Offset);
    }

    /// <summary>
    /// Ten years a move, but not without end: a move that would take the clock past its limit (EmulatorClock.MaxOffset)
    /// is refused saying why and how back, and the clock keeps working — it used to run past year 9999, after which every
    /// call answered 500 until a reset.
    /// </summary>
    [Fact]
    public async Task PostClock_RefusesAMovePastTheLimit_WithA400SayingWhy_AndEverythingStillWorks()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        const string tenYears = "{\"AdvanceMinutes\": 5270400}";
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 1}"), HttpStatusCode.OK);
        HttpResponseMessage moved;
        var moves = 0;
        while ((moved = await CheckoutHttp.PostJsonAsync(control, "emulator/clock", tenYears)).StatusCode == HttpStatusCode.OK)
            Assert.True(++moves <= 100, "the clock kept moving past a thousand years");
        var before = emulator.Clock.Offset;

        await CheckoutHttp.AssertStatusAsync(moved, HttpStatusCode.BadRequest);
        var reason = JsonSerializer.Deserialize<string>(await moved.Content.ReadAsStringAsync())!;
        Assert.Contains("1,000 years", reason);
        Assert.Contains("POST /emulator/reset", reason);
        Assert.True(before <= EmulatorClock.MaxOffset && before > EmulatorClock.MaxOffset - TimeSpan.FromMinutes(ClockAdvanceMinutes));
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 1}"), HttpStatusCode.OK);
        Assert.Equal(before + TimeSpan.FromMinutes(1), emulator.Clock.Offset);

        // Everything that adds to "now" still works at the limit: status, sign-in, a day-long request, a secret's expiry.
        await CheckoutHttp.AssertStatusAsync(await control.GetAsync("emulator/status"), HttpStatusCode.OK);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        await CheckoutHttp.RequestAsync(jdoe, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, durationMinutes: 1440);
        await CheckoutHttp.AssertStatusAsync(await jdoe.GetAsync("Requests"), HttpStatusCode.OK);
        var admin = await CheckoutHttp.SignedInAsync(emulator);
        var application = emulator.State.Users.Single(u => u.UserName == DemoSeed.ApplicationUser).UserId;
        await CheckoutHttp.AssertStatusAsync(await admin.PostAsync($"Users/{application}/RecycleClientSecret", null), HttpStatusCode.Created);

        await CheckoutHttp.AssertStatusAsync(await control.PostAsync("emulator/reset", null), HttpStatusCode.OK);
        Assert.Equal(TimeSpan.Zero, emulator.Clock.Offset);
    }

    private const double ClockAdvanceMinutes = 5270400;

    [Fact]
    public void Advance_InProcess_RefusesAMovePastTheLimit_AndKeepsTheClock()
    {
        var clock = new EmulatorClock();
        clock.Advance(EmulatorClock.MaxOffset - TimeSpan.FromMinutes(1));

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.FromMinutes(2)));
        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(TimeSpan.MaxValue));
        Assert.Equal(EmulatorClock.MaxOffset - TimeSpan.FromMinutes(1), clock.Offset);
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(EmulatorClock.MaxOffset, clock.Offset);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmulatorClock().Advance(TimeSpan.MaxValue));
    }

    [Fact]
    public async Task B2_IdleTimeout_PassesWhenTheClockIsMovedOverHttp()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        Assert.Equal(HttpStatusCode.OK, (await demo.GetAsync("ManagedAccounts")).StatusCode);

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 21}"), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await demo.GetAsync("ManagedAccounts")).StatusCode);
    }

    [Fact]
    public async Task E1_RequestExpiry_AndRotateOnExpiry_FollowTheClockMovedOverHttp()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var requestId = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, durationMinutes: 10);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(demo, $"Requests/{requestId}/RotateOnCheckin"), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync($"Credentials/{requestId}"), HttpStatusCode.OK);

        await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 11}");

        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync($"Credentials/{requestId}"), HttpStatusCode.NotFound);
        var requests = await CheckoutHttp.ReadJsonAsync(await control.GetAsync("emulator/requests"));
        Assert.Equal("Expired", requests.EnumerateArray().Single().GetProperty("Status").GetString());
        Assert.Equal(1, emulator.State.PasswordChangeCount(DemoSeed.WindowsAccountId));
    }

    [Fact]
    public async Task C3_TokenLifetime_EndsWhenTheClockIsMovedOverHttp()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var client = emulator.NewClient();
        using var issued = await TestEmulator.RequestTokenAsync(client, DemoSeed.ClientId, DemoSeed.ClientSecret);
        var token = (await CheckoutHttp.ReadJsonAsync(issued)).GetProperty("access_token").GetString();

        await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 61}");

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInAsync(client, "Bearer " + token)).StatusCode);
    }

    [Fact]
    public async Task C6_ClientSecretExpiry_FollowsTheClockMovedOverHttp()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var client = emulator.NewClient();

        await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": " + (366 * 24 * 60) + "}");

        using var refused = await TestEmulator.RequestTokenAsync(client, DemoSeed.ClientId, DemoSeed.ClientSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task Reset_StartsOverFromTheSeed_EndsSessions_KeepsCertificateAndPort_AndReturnsToRealTime()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var port = emulator.Server.Port;
        var thumbprint = emulator.Server.ServerCertificate.Thumbprint;
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(demo, "Workgroups", "{\"Name\": \"Lab\"}"), HttpStatusCode.Created);
        await CheckoutHttp.PostJsonAsync(control, "emulator/refusals", "{\"Method\": \"GET\", \"Path\": \"Aliases\", \"StatusCode\": 403}");
        await CheckoutHttp.PostJsonAsync(control, "emulator/late-answers", "{\"Method\": \"POST\", \"Path\": \"Requests\", \"DelayMilliseconds\": 10}");
        await CheckoutHttp.PutJsonAsync(control, "emulator/settings", "{\"SessionIdleTimeoutMinutes\": 5, \"LicenseValid\": false}");
        await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 3}");

        using var reset = await control.PostAsync("emulator/reset", null);

        await CheckoutHttp.AssertStatusAsync(reset, HttpStatusCode.OK);
        var status = await CheckoutHttp.ReadJsonAsync(reset);
        Assert.Equal(0, status.GetProperty("ActiveSessionCount").GetInt32());
        Assert.Equal(0, status.GetProperty("ActiveRequestCount").GetInt32());
        Assert.Equal(HttpStatusCode.Unauthorized, (await demo.GetAsync("ManagedAccounts")).StatusCode);
        Assert.Equal("[]", await (await control.GetAsync("emulator/requests")).Content.ReadAsStringAsync());
        Assert.Equal("[]", await (await control.GetAsync("emulator/refusals")).Content.ReadAsStringAsync());
        Assert.Equal("[]", await (await control.GetAsync("emulator/late-answers")).Content.ReadAsStringAsync());
        Assert.Equal(new[] { 401 }, emulator.State.ApiCalls.All.Select(c => c.StatusCode));
        var settings = await CheckoutHttp.ReadJsonAsync(await control.GetAsync("emulator/settings"));
        Assert.Equal(20, settings.GetProperty("SessionIdleTimeoutMinutes").GetInt32());
        Assert.True(settings.GetProperty("LicenseValid").GetBoolean());
        Assert.Equal(TimeSpan.Zero, emulator.Clock.Offset);

        // The same server, certificate and port; the demo data as at start.
        Assert.Equal(port, emulator.Server.Port);
        Assert.Equal(thumbprint, emulator.Server.ServerCertificate.Thumbprint);
        var again = await CheckoutHttp.SignedInAsync(emulator);
        Assert.DoesNotContain("Lab", await (await again.GetAsync("Workgroups")).Content.ReadAsStringAsync());
        Assert.Equal(EmulatorState.FromSeed(EmulatorSeed.LoadDemo()).Users.Count, emulator.State.Users.Count);
        Assert.Equal(DemoSeed.RequestorVisibleAccountCount, (await CheckoutHttp.ReadJsonAsync(await again.GetAsync("ManagedAccounts"))).GetArrayLength());
    }

    [Fact]
    public async Task Reset_KeepsGeneratedKeysSecretsAndAccounts_AndTheSeedsOwnSettings()
    {
        var seed = EmulatorSeed.LoadDemo();
        var keyRegistration = seed.ApiRegistrations.Single(r => r.Id == DemoSeed.ApiKeyRegistrationId);
        keyRegistration.Key = null;
        var application = seed.Users.Single(u => u.UserName == DemoSeed.ApplicationUser);
        application.ClientID = null;
        application.ClientSecret = null;
        seed.Generate = new SeedGenerate { ManagedSystems = 2, AccountsPerSystem = 10 };
        seed.Settings = new SeedSettings { SessionIdleTimeoutMinutes = 7 };
        await using var emulator = await TestEmulator.StartAsync(seed);
        var control = emulator.NewControlClient();
        var key = emulator.State.ReadApiKey(DemoSeed.ApiKeyRegistrationId, "test");
        var clientId = emulator.State.Users.Single(u => u.UserName == DemoSeed.ApplicationUser).ClientId!;
        var secret = emulator.State.RevealClientSecret(emulator.State.Users.Single(u => u.UserName == DemoSeed.ApplicationUser).UserId)!;
        var accounts = emulator.State.ManagedAccountCount;
        await CheckoutHttp.PutJsonAsync(control, "emulator/settings", "{\"SessionIdleTimeoutMinutes\": 30}");

        await CheckoutHttp.AssertStatusAsync(await control.PostAsync("emulator/reset", null), HttpStatusCode.OK);

        Assert.Equal(accounts, emulator.State.ManagedAccountCount);
        Assert.Equal(27, accounts);
        Assert.Equal(7, emulator.State.Settings.SessionIdleTimeoutMinutes);
        Assert.True(emulator.State.WasKeyGenerated(DemoSeed.ApiKeyRegistrationId));
        var client = emulator.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(client, key, DemoSeed.RunAs)).StatusCode);
        using var token = await TestEmulator.RequestTokenAsync(emulator.NewClient(), clientId, secret);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
    }

    [Fact]
    public async Task ClockAndReset_AreControlCalls_NotApiCalls()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        await control.GetAsync("emulator/clock");
        await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 1}");

        Assert.Equal(0, emulator.State.ApiCalls.Total);
    }
}
