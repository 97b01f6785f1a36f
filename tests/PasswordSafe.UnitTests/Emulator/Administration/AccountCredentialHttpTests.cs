using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// The credential calls of api-v3 §4.1/§4.2 that work by account, names or system rather than by request:
/// GET ManagedAccounts/{id}/Credentials, PUT Credentials?workgroupName=&amp;assetName=&amp;accountName= and
/// POST ManagedSystems/{id}/ManagedAccounts/Credentials/Change.
/// </summary>
public class AccountCredentialHttpTests
{
    private static async Task<HttpClient> SignedInAsync(TestEmulator emulator, string runAs) => await CheckoutHttp.SignedInAsync(emulator, runAs);

    private static async Task<string> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        return JsonSerializer.Deserialize<string>(body)!;
    }

    [Fact]
    public async Task Api41_GetCredentialsByAccount_Administrator_ReadsEachType_AsAJsonString_Audited()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);

        Assert.Equal(DemoSeed.WindowsAccountPassword, await ReadAsync(admin, $"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials"));
        Assert.Equal(DemoSeed.LinuxAccountPrivateKey, await ReadAsync(admin, $"ManagedAccounts/{DemoSeed.LinuxAccountId}/Credentials?type=dsskey"));
        Assert.Equal(DemoSeed.LinuxAccountPassphrase, await ReadAsync(admin, $"ManagedAccounts/{DemoSeed.LinuxAccountId}/Credentials?type=passphrase"));

        Assert.Equal(3, emulator.State.Audit.Count(e => e.Kind == AuditKinds.CredentialRead && e.UserName == DemoSeed.RunAs && e.Reason!.Contains("read by account")));
        Assert.DoesNotContain(emulator.State.Audit, e => e.Reason!.Contains(DemoSeed.WindowsAccountPassword, StringComparison.Ordinal));
        await ExpectBadRequestAsync(admin.GetAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials?type=totp"), "type");
        await ExpectAsync(admin.GetAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials?type=dsskey"), HttpStatusCode.NotFound);
        await ExpectAsync(admin.GetAsync("ManagedAccounts/999/Credentials"), HttpStatusCode.NotFound);
        // §4.1: an account not enabled for API access is a 403, for administrators too.
        await CheckoutHttp.AssertCodeAsync(await admin.GetAsync($"ManagedAccounts/{DemoSeed.NotApiEnabledAccountId}/Credentials"), HttpStatusCode.Forbidden, "4031");
    }

    [Fact]
    public async Task Api41_GetCredentialsByAccount_IsaHolder_ReadsTheAccountsOfItsRole_OnlyThose()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var isa = await SignedInAsync(emulator, DemoSeed.IsaUser);

        Assert.Equal(DemoSeed.IsaOnlyAccountPassword, await ReadAsync(isa, $"ManagedAccounts/{DemoSeed.IsaOnlyAccountId}/Credentials"));
        await CheckoutHttp.AssertCodeAsync(await isa.GetAsync($"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Credentials"), HttpStatusCode.Forbidden, "4031");
        // Unknown ids look like ids without the right: nothing is revealed.
        await CheckoutHttp.AssertCodeAsync(await isa.GetAsync("ManagedAccounts/999/Credentials"), HttpStatusCode.Forbidden, "4031");
    }

    [Fact]
    public async Task Api41_GetCredentialsByAccount_Requestor_OnlyWhileItsOwnRequestIsActive()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        var path = $"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials";
        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync(path), HttpStatusCode.Forbidden, "4031");

        var request = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId);
        Assert.Equal(DemoSeed.WindowsAccountPassword, await ReadAsync(jdoe, path));
        // A request of its own still waiting for the approver gives no right yet.
        var pending = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);
        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync($"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Credentials"), HttpStatusCode.Forbidden, "4031");

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{request}/Checkin"), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync(path), HttpStatusCode.Forbidden, "4031");
        Assert.True(pending > request);
    }

    [Fact]
    public async Task Api41_GetCredentialsByAccount_CredentialsManagerRole_ReadsItsAccounts()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.UserGroups.Add(new SeedUserGroup
        {
            GroupID = 9, Name = "Credential managers", ApplicationRegistrationIDs = [DemoSeed.ApiKeyRegistrationId], Members = [6],
            SmartRuleAccess = [new SeedSmartRuleAccess { SmartRuleID = 2, Roles = [SmartRuleRoles.CredentialsManager] }],
        });
        await using var emulator = await TestEmulator.StartAsync(seed);
        var manager = await SignedInAsync(emulator, DemoSeed.ApproverUser);

        Assert.Equal(DemoSeed.DatabaseAccountPassword, await ReadAsync(manager, $"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Credentials"));
        await CheckoutHttp.AssertCodeAsync(await manager.GetAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials"), HttpStatusCode.Forbidden, "4031");
    }

    [Fact]
    public async Task Api42_PutCredentialsByNames_SetsTheNamedAccount_TheSystemNameStandsForAMissingAsset()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);

        await ExpectAsync(PutAsync(admin, "Credentials?workgroupName=default%20workgroup&assetName=WEB01&accountName=administrator",
            """{"Password":"By-Names-Passw0rd!"}"""), HttpStatusCode.NoContent);
        Assert.Equal("By-Names-Passw0rd!", emulator.State.RevealAccountPassword(DemoSeed.WindowsAccountId));
        await ExpectAsync(PutAsync(admin, @"Credentials?workgroupName=Default Workgroup&assetName=contoso.test&accountName=CONTOSO\svc-backup",
            """{"Password":"Domain-Passw0rd!","UpdateSystem":false}"""), HttpStatusCode.NoContent);
        Assert.Equal("Domain-Passw0rd!", emulator.State.RevealAccountPassword(DemoSeed.DomainAccountId));
        Assert.False(emulator.State.SystemHasStoredPassword(DemoSeed.DomainAccountId));

        // An asset made through the API is named by its asset name.
        var workgroup = (await ExpectAsync(PostAsync(admin, "Workgroups", """{"Name":"Lab"}"""), HttpStatusCode.Created)).GetProperty("ID").GetInt32();
        var asset = (await ExpectAsync(PostAsync(admin, $"Workgroups/{workgroup}/Assets", """{"IPAddress":"10.9.9.9","AssetName":"lab-asset"}"""), HttpStatusCode.Created)).GetProperty("AssetID").GetInt32();
        var system = (await ExpectAsync(PostAsync(admin, $"Assets/{asset}/ManagedSystems", """{"PlatformID":2}"""), HttpStatusCode.Created)).GetProperty("ManagedSystemID").GetInt32();
        var account = (await ExpectAsync(PostAsync(admin, $"ManagedSystems/{system}/ManagedAccounts", """{"AccountName":"svc","Password":"Old-Passw0rd!"}"""), HttpStatusCode.Created)).GetProperty("ManagedAccountID").GetInt32();
        await ExpectAsync(PutAsync(admin, "Credentials?workgroupName=Lab&assetName=lab-asset&accountName=svc", "{}"), HttpStatusCode.NoContent);
        Assert.NotEqual("Old-Passw0rd!", emulator.State.RevealAccountPassword(account));
    }

    [Fact]
    public async Task Api42_PutCredentialsByNames_MissingName400_Unknown404_WithoutTheRight4031()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var isa = await SignedInAsync(emulator, DemoSeed.IsaUser);

        await ExpectBadRequestAsync(PutAsync(admin, "Credentials?workgroupName=Default%20Workgroup&accountName=sa", "{}"), "assetName");
        Assert.Equal("Workgroup not found", (await ExpectAsync(PutAsync(admin, "Credentials?workgroupName=Nope&assetName=db01&accountName=sa", "{}"), HttpStatusCode.NotFound)).GetString());
        Assert.Equal("Asset not found", (await ExpectAsync(PutAsync(admin, "Credentials?workgroupName=Default%20Workgroup&assetName=nope&accountName=sa", "{}"), HttpStatusCode.NotFound)).GetString());
        Assert.Equal("Managed Account not found", (await ExpectAsync(PutAsync(admin, "Credentials?workgroupName=Default%20Workgroup&assetName=db01&accountName=nope", "{}"), HttpStatusCode.NotFound)).GetString());
        // The ISA role on lnx01\deploy lets its holder set it by names, not db01\sa, and names that find nothing look the same.
        await ExpectAsync(PutAsync(isa, "Credentials?workgroupName=Default%20Workgroup&assetName=lnx01&accountName=deploy", """{"Password":"Isa-Set-1!"}"""), HttpStatusCode.NoContent);
        await ExpectForbiddenAsync(PutAsync(isa, "Credentials?workgroupName=Default%20Workgroup&assetName=db01&accountName=sa", """{"Password":"x"}"""));
        await ExpectForbiddenAsync(PutAsync(isa, "Credentials?workgroupName=Default%20Workgroup&assetName=nope&accountName=sa", """{"Password":"x"}"""));
        Assert.Equal(DemoSeed.DatabaseAccountPassword, emulator.State.RevealAccountPassword(DemoSeed.DatabaseAccountId));
    }

    [Fact]
    public async Task Api42_ChangeEveryAccountOfASystem_NowOrQueued()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        int Changes(int account) => emulator.State.PasswordChangeCount(account);
        var (root, deploy) = (Changes(DemoSeed.LinuxAccountId), Changes(DemoSeed.IsaOnlyAccountId));

        await ExpectAsync(admin.PostAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}/ManagedAccounts/Credentials/Change", null), HttpStatusCode.NoContent);
        Assert.Equal((root + 1, deploy + 1), (Changes(DemoSeed.LinuxAccountId), Changes(DemoSeed.IsaOnlyAccountId)));
        Assert.NotEqual(DemoSeed.LinuxAccountPassword, emulator.State.RevealAccountPassword(DemoSeed.LinuxAccountId));
        Assert.Equal(DemoSeed.WindowsAccountPassword, emulator.State.RevealAccountPassword(DemoSeed.WindowsAccountId));

        await ExpectAsync(PostAsync(admin, $"ManagedSystems/{DemoSeed.LinuxSystemId}/ManagedAccounts/Credentials/Change", """{"Queue":true}"""), HttpStatusCode.NoContent);
        Assert.Equal(root + 1, Changes(DemoSeed.LinuxAccountId));
        emulator.Clock.Advance(EmulatorState.QueuedChangeDelay + TimeSpan.FromSeconds(1));
        await ExpectAsync(admin.GetAsync($"ManagedAccounts/{DemoSeed.LinuxAccountId}"), HttpStatusCode.OK);
        Assert.Equal((root + 2, deploy + 2), (Changes(DemoSeed.LinuxAccountId), Changes(DemoSeed.IsaOnlyAccountId)));

        await ExpectAsync(admin.PostAsync("ManagedSystems/999/ManagedAccounts/Credentials/Change", null), HttpStatusCode.NotFound);
        await ExpectBadRequestAsync(PostAsync(admin, $"ManagedSystems/{DemoSeed.LinuxSystemId}/ManagedAccounts/Credentials/Change", """{"Queue":"soon"}"""), "Queue");
        // The ISA role on one account does not reach a whole system.
        await ExpectForbiddenAsync(SignedInAsync(emulator, DemoSeed.IsaUser).ContinueWith(t =>
            t.Result.PostAsync($"ManagedSystems/{DemoSeed.LinuxSystemId}/ManagedAccounts/Credentials/Change", null)).Unwrap());
    }
}
