using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Administration;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// B6 over real connections from another loopback address (127.0.1.1 is local on Linux but outside 127.0.0.1 rules):
/// the bearer sign-in applies the access policy's rules wherever its token was fetched (C2), a session cookie is
/// refused from an address its registration does not admit, and a registration with PSRUN rules alone admits only
/// their addresses (A3).
/// </summary>
public class SourceAddressHttpTests
{
    private static readonly IPAddress Home = IPAddress.Parse("127.0.0.1");
    private static readonly IPAddress Elsewhere = IPAddress.Parse("127.0.1.1");

    /// <summary>The demo seed with the OAuth access policy and the demo key limited to 127.0.0.1.</summary>
    private static EmulatorSeed HomeOnlySeed()
    {
        var seed = EmulatorSeed.LoadDemo();
        foreach (var id in new[] { DemoSeed.AccessPolicyRegistrationId, DemoSeed.ApiKeyRegistrationId })
            seed.ApiRegistrations.Single(r => r.Id == id).IPAuthenticationRules = [new SeedAuthenticationRule { Type = "IPAddress", Value = "127.0.0.1" }];
        return seed;
    }

    private static async Task<string> TokenAsync(HttpClient client)
    {
        using var response = await TestEmulator.RequestTokenAsync(client, DemoSeed.ClientId, DemoSeed.ClientSecret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task B6_C2_BearerSignIn_FromAnAddressTheAccessPolicyDoesNotAdmit_Is401_AndAudited()
    {
        await using var emulator = await TestEmulator.StartAsync(HomeOnlySeed());
        var token = await TokenAsync(emulator.NewClientFrom(Home));

        using var elsewhere = await TestEmulator.SignInAsync(emulator.NewClientFrom(Elsewhere), "Bearer " + token);

        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
        var failure = emulator.State.Audit.Last();
        Assert.Equal(AuditKinds.SignInFailed, failure.Kind);
        Assert.Equal("127.0.1.1", failure.SourceAddress);
        Assert.Contains("matches no IP rule", failure.Reason);
        Assert.DoesNotContain(emulator.State.Audit, e => e.Kind == AuditKinds.SignInSucceeded);
        // The same token still signs in from the address the policy admits.
        using var home = await TestEmulator.SignInAsync(emulator.NewClientFrom(Home), "Bearer " + token);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task B6_SessionCookie_FromAnAddressTheRegistrationDoesNotAdmit_Is401_WhileTheHomeAddressGoesOn(bool oauth)
    {
        await using var emulator = await TestEmulator.StartAsync(HomeOnlySeed());
        var jar = new CookieContainer();
        var home = emulator.NewClientFrom(Home, jar);
        using var signIn = oauth
            ? await TestEmulator.SignInAsync(home, "Bearer " + await TokenAsync(home))
            : await TestEmulator.SignInWithKeyAsync(home, DemoSeed.ApiKey, DemoSeed.RunAs);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var replay = emulator.NewClientFrom(Elsewhere, jar);

        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("ManagedAccounts")).StatusCode);

        var refused = emulator.State.Audit.Last();
        Assert.Equal(AuditKinds.SessionCallRefused, refused.Kind);
        Assert.Equal("127.0.1.1", refused.SourceAddress);
        Assert.Contains(emulator.State.AdminNotifications, n => n.Message.Contains("127.0.1.1"));
        Assert.NotEqual(HttpStatusCode.Unauthorized, (await home.GetAsync("ManagedAccounts")).StatusCode);
    }

    [Fact]
    public async Task B6_SessionCookie_AfterTheRulesStopAdmittingItsAddress_Is401()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = emulator.NewClientFrom(Home);
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(client, DemoSeed.ApiKey, DemoSeed.DirectoryRunAs)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("ManagedAccounts")).StatusCode);

        emulator.State.ReplaceAuthenticationRules(DemoSeed.ApiKeyRegistrationId, [AddressRule.Parse(0, "CIDR", "10.0.0.0/8")], []);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("ManagedAccounts")).StatusCode);
    }

    [Fact]
    public async Task A3_B6_RegistrationWithOnlyPsrunRules_AdmitsOnlyTheirAddresses()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminHttp.AdminAsync(emulator);
        var id = (await AdminHttp.ExpectAsync(AdminHttp.PostAsync(admin, "ApiRegistrations",
            """{"Name":"psrunonly","RegistrationType":"ApiKeyPolicy","MultiFactorAuthenticationEnforced":false,"PSRUNRules":[{"IPAddress":"10.0.0.1","SystemName":"x"}]}"""),
            HttpStatusCode.Created)).GetProperty("Id").GetInt32();
        var key = (await AdminHttp.ExpectAsync(admin.GetAsync($"ApiRegistrations/{id}/Key"), HttpStatusCode.OK)).GetString()!;
        await AdminHttp.NewGroupAsync(admin, "psrun users", [emulator.State.Users.Single(u => u.UserName == DemoSeed.RunAs).UserId], [id]);

        using var refused = await TestEmulator.SignInWithKeyAsync(emulator.NewClientFrom(Home), key, DemoSeed.RunAs);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("no PSRUN rule", emulator.State.Audit.Last().Reason);

        await AdminHttp.ExpectAsync(AdminHttp.PutAsync(admin, $"ApiRegistrations/{id}",
            """{"PSRUNRules":[{"IPAddress":"10.0.0.1","SystemName":"x"},{"IPAddress":"127.0.0.1","SystemName":"runner"}]}"""), HttpStatusCode.OK);
        var psrunHost = emulator.NewClientFrom(Home);
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInWithKeyAsync(psrunHost, key, DemoSeed.RunAs)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await psrunHost.GetAsync("ManagedAccounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClientFrom(Elsewhere), key, DemoSeed.RunAs)).StatusCode);
    }
}
