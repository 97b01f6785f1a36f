using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Spec E5 end to end over HTTP: asset in a workgroup → managed system → managed account → quick rule → user group
/// (BeyondInsight, AD or LDAP) → role on the rule; then a member checks the new account out (E1), and nothing the
/// emulator recorded holds a secret.
/// </summary>
public class E5ProvisioningPipelineHttpTests
{
    [Theory]
    [InlineData("""{"groupType":"BeyondInsight","groupName":"E5 operators"}""")]
    [InlineData("""{"groupType":"ActiveDirectory","groupName":"E5 AD operators","domainName":"contoso.test","bindUser":"svc","bindPassword":"Bind-Passw0rd!"}""")]
    [InlineData("""{"groupType":"LDAP","groupName":"E5 LDAP operators","groupDistinguishedName":"CN=ops,DC=test","hostName":"ldap.test","bindPassword":"Bind-Passw0rd!"}""")]
    public async Task E5_TheWholeChainMakesANewAccountRequestableByTheGroup(string groupBody)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var workgroup = (await ExpectAsync(PostAsync(admin, "Workgroups", """{"Name":"E5"}"""), HttpStatusCode.Created)).GetProperty("ID").GetInt32();
        var asset = (await ExpectAsync(PostAsync(admin, $"Workgroups/{workgroup}/Assets", """{"IPAddress":"10.5.0.1","AssetName":"e5-host"}"""),
            HttpStatusCode.Created)).GetProperty("AssetID").GetInt32();
        var system = (await ExpectAsync(PostAsync(admin, $"Assets/{asset}/ManagedSystems?version=3.1",
            """{"PlatformID":2,"ReleaseDuration":60,"MaxReleaseDuration":120,"ISAReleaseDuration":60,"RemoteClientType":"None"}"""),
            HttpStatusCode.Created)).GetProperty("ManagedSystemID").GetInt32();
        var account = (await ExpectAsync(PostAsync(admin, $"ManagedSystems/{system}/ManagedAccounts?version=3.0",
            """{"AccountName":"e5-svc","Password":"E5-Svc-Passw0rd!","ApiEnabled":true}"""), HttpStatusCode.Created))
            .GetProperty("ManagedAccountID").GetInt32();
        var rule = (await ExpectAsync(PostAsync(admin, "QuickRules", $$"""{"AccountIDs":[{{account}}],"Title":"E5 rule","Category":"E5"}"""),
            HttpStatusCode.Created)).GetProperty("SmartRuleID").GetInt32();
        var group = (await ExpectAsync(PostAsync(admin, "UserGroups", groupBody), HttpStatusCode.Created)).GetProperty("GroupID").GetInt32();
        var userId = await NewApiUserAsync(admin, "e5-user", "E5-User-Passw0rd!");
        await ExpectAsync(admin.PostAsync($"Users/{userId}/UserGroups/{group}", null), HttpStatusCode.Created);

        var user = await SignInAsync(emulator, DemoSeed.ApiKey, "e5-user");
        Assert.Equal(0, (await ExpectAsync(user.GetAsync("ManagedAccounts?workgroupName=E5"), HttpStatusCode.OK)).GetArrayLength());
        await ExpectAsync(PostAsync(admin, $"UserGroups/{group}/SmartRules/{rule}/Roles", """{"Roles":[{"RoleID":1}],"AccessPolicyID":1}"""),
            HttpStatusCode.NoContent);

        var listed = await ExpectAsync(user.GetAsync("ManagedAccounts?workgroupName=E5"), HttpStatusCode.OK);
        var found = listed.EnumerateArray().Single();
        Assert.Equal(account, found.GetProperty("AccountId").GetInt32());
        Assert.Equal("e5-host", found.GetProperty("SystemName").GetString());
        Assert.Equal(120, found.GetProperty("MaximumReleaseDuration").GetInt32());
        var requestId = await CheckoutHttp.RequestAsync(user, system, account);
        Assert.Equal("\"E5-Svc-Passw0rd!\"", await (await user.GetAsync($"Credentials/{requestId}")).Content.ReadAsStringAsync());
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(user, $"Requests/{requestId}/Checkin"), HttpStatusCode.NoContent);

        // Every step is audited with who did it, and no audit entry holds a secret.
        var kinds = AuditKindsBy(emulator, DemoSeed.RunAs);
        foreach (var kind in new[] { PasswordSafe.Emulator.AuditKinds.WorkgroupCreated, PasswordSafe.Emulator.AuditKinds.AssetCreated,
                     PasswordSafe.Emulator.AuditKinds.ManagedSystemCreated, PasswordSafe.Emulator.AuditKinds.ManagedAccountCreated,
                     PasswordSafe.Emulator.AuditKinds.QuickRuleCreated, PasswordSafe.Emulator.AuditKinds.UserGroupCreated,
                     PasswordSafe.Emulator.AuditKinds.UserCreated, PasswordSafe.Emulator.AuditKinds.GroupMemberAdded,
                     PasswordSafe.Emulator.AuditKinds.GroupRolesChanged })
            Assert.Contains(kind, kinds);
        await AssertNoSecretAsync(emulator, "E5-Svc-Passw0rd!", "E5-User-Passw0rd!", "Bind-Passw0rd!");
    }

    [Fact]
    public async Task AuditAndControlEndpointsNeverShowKeysSecretsOrPasswordsFromAdministration()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var registration = (await ExpectAsync(PostAsync(admin, "ApiRegistrations",
            """{"Name":"Leak check","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Value":"127.0.0.1"}]}"""), HttpStatusCode.Created))
            .GetProperty("Id").GetInt32();
        var key = (await ExpectAsync(admin.GetAsync($"ApiRegistrations/{registration}/Key"), HttpStatusCode.OK)).GetString()!;
        var rotated = (await ExpectAsync(admin.PostAsync($"ApiRegistrations/{registration}/Rotate", "{}".AsJson()), HttpStatusCode.Created)).GetString()!;
        var app = await ExpectAsync(PostAsync(admin, "Users", """{"UserType":"Application","UserName":"leak-bot","AccessPolicyID":3}"""), HttpStatusCode.Created);
        var secret = app.GetProperty("ClientSecret").GetString()!;
        await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials", """{"Password":"Leak-Passw0rd-1!"}"""), HttpStatusCode.NoContent);
        await ExpectAsync(PutAsync(admin, $"Users/{app.GetProperty("UserID").GetInt32()}", """{"UserName":"leak-bot2"}"""), HttpStatusCode.OK);
        await ExpectAsync(PostAsync(admin, "Users", """{"UserName":"leaky","Password":"Leak-User-Passw0rd!"}"""), HttpStatusCode.Created);

        Assert.Contains(emulator.State.Audit, e => e.Kind == PasswordSafe.Emulator.AuditKinds.ApiKeyRead && e.UserName == DemoSeed.RunAs);
        Assert.Contains(emulator.State.Audit, e => e.Kind == PasswordSafe.Emulator.AuditKinds.ApiKeyRotated && e.UserName == DemoSeed.RunAs);
        Assert.All(emulator.State.Audit, e => Assert.True(e.Time <= emulator.Clock.GetUtcNow()));
        await AssertNoSecretAsync(emulator, key, rotated, secret, "Leak-Passw0rd-1!", "Leak-User-Passw0rd!");
        // The registration list and the user list never carry them either.
        var lists = await (await admin.GetAsync("ApiRegistrations")).Content.ReadAsStringAsync()
            + await (await admin.GetAsync("Users")).Content.ReadAsStringAsync();
        foreach (var value in new[] { key, rotated, secret }) Assert.DoesNotContain(value, lists, StringComparison.Ordinal);
    }

    private static async Task AssertNoSecretAsync(TestEmulator emulator, params string[] secrets)
    {
        using var control = emulator.NewClient();
        control.BaseAddress = emulator.Server.RootUri;
        var text = await control.GetStringAsync("emulator/audit") + await control.GetStringAsync("emulator/notifications")
            + await control.GetStringAsync("emulator/status");
        foreach (var secret in secrets) Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }
}
