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
/// The API access policy governs OAuth for as long as it is used: deactivating it (A1 "Active") ends its sessions and
/// refuses its tokens, as it does for a key; and an application user must be in a group granted the policy (A7,
/// api-v3 §1.4 "a member of a group with permissions") to get a token or sign in with one.
/// </summary>
public class OAuthAccessPolicyHttpTests
{
    private static async Task<HttpResponseMessage> TokenResponseAsync(TestEmulator emulator, string clientId, string secret) =>
        await TestEmulator.RequestTokenAsync(emulator.NewClient(), clientId, secret);

    private static async Task<string> TokenAsync(TestEmulator emulator, string clientId = DemoSeed.ClientId, string secret = DemoSeed.ClientSecret)
    {
        using var response = await TokenResponseAsync(emulator, clientId, secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
    }

    [Fact]
    public async Task A1_DeactivatedAccessPolicy_EndsItsOAuthSessions_AndItsTokensNoLongerSignIn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminHttp.AdminAsync(emulator);
        var token = await TokenAsync(emulator);
        var bot = emulator.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInAsync(bot, "Bearer " + token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("ManagedAccounts")).StatusCode);

        await AdminHttp.ExpectAsync(AdminHttp.PutAsync(admin, $"ApiRegistrations/{DemoSeed.AccessPolicyRegistrationId}", """{"Active":false}"""), HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.GetAsync("ManagedAccounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInAsync(emulator.NewClient(), "Bearer " + token)).StatusCode);
        Assert.Contains("not active", emulator.State.Audit.Last().Reason);
        using var newToken = await TokenResponseAsync(emulator, DemoSeed.ClientId, DemoSeed.ClientSecret);
        Assert.Equal(HttpStatusCode.Unauthorized, newToken.StatusCode);
        // An impersonating session (C4) of that policy ends the same way.
        await AdminHttp.ExpectAsync(AdminHttp.PutAsync(admin, $"ApiRegistrations/{DemoSeed.AccessPolicyRegistrationId}", """{"Active":true}"""), HttpStatusCode.OK);
        var impersonating = emulator.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await TestEmulator.SignInAsync(impersonating, "Bearer " + await TokenAsync(emulator), DemoSeed.DirectoryRunAs)).StatusCode);
        await AdminHttp.ExpectAsync(AdminHttp.PutAsync(admin, $"ApiRegistrations/{DemoSeed.AccessPolicyRegistrationId}", """{"Active":false}"""), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await impersonating.GetAsync("ManagedAccounts")).StatusCode);
    }

    [Fact]
    public async Task A7_C2_ApplicationUserInNoGroupGrantedItsPolicy_GetsNoToken_AndAnEarlierTokenNoLongerSignsIn()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminHttp.AdminAsync(emulator);
        var created = await AdminHttp.ExpectAsync(AdminHttp.PostAsync(admin, "Users",
            $$"""{"UserType":"Application","UserName":"bot2","AccessPolicyID":{{DemoSeed.AccessPolicyRegistrationId}}}"""), HttpStatusCode.Created);
        var (userId, clientId, secret) = (created.GetProperty("UserID").GetInt32(), created.GetProperty("ClientID").GetString()!, created.GetProperty("ClientSecret").GetString()!);

        using var refused = await TokenResponseAsync(emulator, clientId, secret);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("{\"error\":\"invalid_client\"}", await refused.Content.ReadAsStringAsync());
        var failure = emulator.State.Audit.Last();
        Assert.Equal((AuditKinds.TokenRejected, "bot2"), (failure.Kind, failure.UserName));
        Assert.Contains("no active group granted", failure.Reason);

        // A group that does not list the policy is not enough; one that does is.
        var otherGroup = await AdminHttp.NewGroupAsync(admin, "no policy", [userId], [DemoSeed.ApiKeyRegistrationId]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenResponseAsync(emulator, clientId, secret)).StatusCode);
        await AdminHttp.ExpectAsync(admin.PostAsync($"Users/{userId}/UserGroups/{DemoSeed.ApiUsersGroupId}", null), HttpStatusCode.Created);
        var token = await TokenAsync(emulator, clientId, secret);

        await AdminHttp.ExpectAsync(admin.DeleteAsync($"Users/{userId}/UserGroups/{DemoSeed.ApiUsersGroupId}"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInAsync(emulator.NewClient(), "Bearer " + token)).StatusCode);
        Assert.Contains("no active group granted", emulator.State.Audit.Last().Reason);
        Assert.True(otherGroup > 0);
    }
}
