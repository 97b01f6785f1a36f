using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

public class OAuthHttpTests
{
    private static async Task<string> TokenAsync(HttpClient client, string secret = DemoSeed.ClientSecret)
    {
        using var response = await TestEmulator.RequestTokenAsync(client, DemoSeed.ClientId, secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task C3_TokenThenBearerSignIn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        using var response = await TestEmulator.RequestTokenAsync(client, DemoSeed.ClientId, DemoSeed.ClientSecret);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(3600, json.GetProperty("expires_in").GetInt32());
        Assert.Equal("Bearer", json.GetProperty("token_type").GetString());
        Assert.Equal("publicapi", json.GetProperty("scope").GetString());

        using var signIn = await TestEmulator.SignInAsync(client, "Bearer " + json.GetProperty("access_token").GetString());
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(DemoSeed.ApplicationUser, JsonDocument.Parse(await signIn.Content.ReadAsStringAsync()).RootElement.GetProperty("UserName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("Users")).StatusCode);
    }

    [Fact]
    public async Task C3_BadRequestsAndBadClients()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        using var grant = await TestEmulator.RequestTokenAsync(client, DemoSeed.ClientId, DemoSeed.ClientSecret, "password");
        Assert.Equal(HttpStatusCode.BadRequest, grant.StatusCode);
        Assert.Equal("{\"error\":\"unsupported_grant_type\"}", await grant.Content.ReadAsStringAsync());
        using var wrong = await TestEmulator.RequestTokenAsync(client, DemoSeed.ClientId, "wrong");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("{\"error\":\"invalid_client\"}", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(AuditKinds.TokenRejected, emulator.State.Audit.Last().Kind);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInAsync(client, "Bearer not-a-token")).StatusCode);
    }

    [Fact]
    public async Task C2_AccessPolicyIpRulesApplyAtTheTokenEndpoint()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.ApiRegistrations.Single(r => r.Id == DemoSeed.AccessPolicyRegistrationId).IPAuthenticationRules =
            [new SeedAuthenticationRule { Value = "10.0.0.0/8" }];
        await using var emulator = await TestEmulator.StartAsync(seed);
        using var response = await TestEmulator.RequestTokenAsync(emulator.NewClient(), DemoSeed.ClientId, DemoSeed.ClientSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task C4_RunAsHeaderImpersonatesOnlyUsersSharingAGroup()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.Users.Add(new SeedUser { UserID = 50, UserName = "loner" });
        await using var emulator = await TestEmulator.StartAsync(seed);
        var client = emulator.NewClient();
        var token = await TokenAsync(client);

        using var impersonating = await TestEmulator.SignInAsync(client, "Bearer " + token, DemoSeed.RunAs);
        Assert.Equal(HttpStatusCode.OK, impersonating.StatusCode);
        Assert.Equal("demo", JsonDocument.Parse(await impersonating.Content.ReadAsStringAsync()).RootElement.GetProperty("UserName").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInAsync(emulator.NewClient(), "Bearer " + token, "loner")).StatusCode);
        Assert.Contains("C4", emulator.State.Audit.Last().Reason);
    }

    [Fact]
    public async Task C5_RecycledSecretFailsAtOnce()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = emulator.NewClient();
        await TestEmulator.SignInWithKeyAsync(admin, DemoSeed.ApiKey, DemoSeed.RunAs);
        using var recycled = await admin.PostAsync("Users/5/RecycleClientSecret", null);
        Assert.Equal(HttpStatusCode.Created, recycled.StatusCode);
        var newSecret = JsonDocument.Parse(await recycled.Content.ReadAsStringAsync()).RootElement.GetProperty("ClientSecret").GetString()!;
        Assert.NotEqual(DemoSeed.ClientSecret, newSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.RequestTokenAsync(emulator.NewClient(), DemoSeed.ClientId, DemoSeed.ClientSecret)).StatusCode);
        await TokenAsync(emulator.NewClient(), newSecret);
        // GET shows no secret, only its expiry (C6).
        var user = JsonDocument.Parse(await admin.GetStringAsync("Users/5")).RootElement;
        Assert.Equal(JsonValueKind.Null, user.GetProperty("ClientSecret").ValueKind);
        Assert.Equal(JsonValueKind.String, user.GetProperty("ClientSecretExpiryDate").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsync("Users/1/RecycleClientSecret", null)).StatusCode);
    }

    [Fact]
    public async Task C6_SecretsExpireAndTheSettingAppliesOnlyToNewSecrets()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var seededExpiry = emulator.State.FindUser(5)!.ClientSecretExpiryDate!.Value;
        Assert.InRange(seededExpiry - emulator.Clock.GetUtcNow(), TimeSpan.FromDays(364.9), TimeSpan.FromDays(365));

        emulator.State.Settings = emulator.State.Settings with { ClientSecretExpiryDays = 10 };
        Assert.Equal(seededExpiry, emulator.State.FindUser(5)!.ClientSecretExpiryDate);

        emulator.Clock.Advance(TimeSpan.FromDays(366));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.RequestTokenAsync(emulator.NewClient(), DemoSeed.ClientId, DemoSeed.ClientSecret)).StatusCode);
        Assert.Contains("expired", emulator.State.Audit.Last().Reason);

        var secret = emulator.State.RecycleClientSecret(5, "test");
        Assert.InRange(emulator.State.FindUser(5)!.ClientSecretExpiryDate!.Value - emulator.Clock.GetUtcNow(), TimeSpan.FromDays(9.9), TimeSpan.FromDays(10));
        await TokenAsync(emulator.NewClient(), secret);
    }

    /// <summary>
    /// A secret's expiry is "now" plus the setting, so the setting has a ceiling (100 years) that leaves it room even with
    /// the emulator clock at its limit; a longer one used to be taken, and the next new secret answered 500.
    /// </summary>
    [Theory]
    [InlineData(36501)]
    [InlineData(2147483647)]
    public async Task C6_ASecretExpiryOverAHundredYears_IsRefused_400_AndSecretsStillRecycle(int days)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();

        using var refused = await Checkout.CheckoutHttp.PutJsonAsync(control, "emulator/settings", $"{{\"ClientSecretExpiryDays\": {days}}}");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ClientSecretExpiryDays must be from 1 to 36500", await refused.Content.ReadAsStringAsync());
        Assert.Equal(365, emulator.State.Settings.ClientSecretExpiryDays);
        var admin = await Checkout.CheckoutHttp.SignedInAsync(emulator);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("Users/5/RecycleClientSecret", null)).StatusCode);
        await Checkout.CheckoutHttp.AssertStatusAsync(
            await Checkout.CheckoutHttp.PutJsonAsync(control, "emulator/settings", "{\"ClientSecretExpiryDays\": 36500}"), HttpStatusCode.OK);
        emulator.Clock.Advance(EmulatorClock.MaxOffset);
        admin = await Checkout.CheckoutHttp.SignedInAsync(emulator);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("Users/5/RecycleClientSecret", null)).StatusCode);
    }

    [Fact]
    public async Task C3_SessionEndsWithTheToken()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.State.Settings = emulator.State.Settings with { SessionIdleTimeoutMinutes = 600 };
        var client = emulator.NewClient();
        await TestEmulator.SignInAsync(client, "Bearer " + await TokenAsync(client), DemoSeed.RunAs);
        emulator.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);
    }

    [Fact]
    public async Task C7_RevocationEndsTokenAndItsSessions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClient();
        var token = await TokenAsync(client);
        await TestEmulator.SignInAsync(client, "Bearer " + token, DemoSeed.RunAs);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Users")).StatusCode);

        using var revoked = await client.PostAsync("Auth/connect/revocation", new FormUrlEncodedContent(new System.Collections.Generic.Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = DemoSeed.ClientId,
            ["client_secret"] = DemoSeed.ClientSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("Users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInAsync(emulator.NewClient(), "Bearer " + token)).StatusCode);
    }
}
