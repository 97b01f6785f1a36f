using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Managed accounts, provisioning view (api-v3 §2.2; spec E5 step 3).</summary>
public class ProvisionedAccountHttpTests
{
    [Fact]
    public async Task TheProvisioningViewHasTheDocumentedKeysAndNoCredential()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var account = await ExpectAsync(admin.GetAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}"), HttpStatusCode.OK);
        Assert.Equal(new[] { "ManagedAccountID", "ManagedSystemID", "DomainName", "AccountName", "DistinguishedName", "PasswordFallbackFlag",
            "UserPrincipalName", "SAMAccountName", "LoginAccountFlag", "Description", "PasswordRuleID", "ApiEnabled", "ReleaseNotificationEmail",
            "ChangeServicesFlag", "RestartServicesFlag", "ChangeTasksFlag", "ReleaseDuration", "MaxReleaseDuration", "ISAReleaseDuration",
            "MaxConcurrentRequests", "AutoManagementFlag", "DSSAutoManagementFlag", "CheckPasswordFlag", "ResetPasswordOnMismatchFlag",
            "ChangePasswordAfterAnyReleaseFlag", "ChangeFrequencyType", "ChangeFrequencyDays", "ChangeTime", "ParentAccountID",
            "IsSubscribedAccount", "LastChangeDate", "NextChangeDate", "IsChanging", "ChangeState", "UseOwnCredentials", "WorkgroupID",
            "ChangeIISAppPoolFlag", "RestartIISAppPoolFlag", "ChangeWindowsAutoLogonFlag", "ChangeComPlusFlag", "ChangeDComFlag",
            "ChangeSComFlag", "ObjectID" }, Keys(account));
        Assert.Equal(DemoSeed.WindowsSystemId, account.GetProperty("ManagedSystemID").GetInt32());
        Assert.DoesNotContain(DemoSeed.WindowsAccountPassword, account.GetRawText());
        await ExpectAsync(admin.GetAsync("ManagedAccounts/999"), HttpStatusCode.NotFound);

        var onSystem = await ExpectAsync(admin.GetAsync($"ManagedSystems/{DemoSeed.WindowsSystemId}/ManagedAccounts"), HttpStatusCode.OK);
        Assert.Equal(new[] { 1, 6 }, onSystem.EnumerateArray().Select(a => a.GetProperty("ManagedAccountID").GetInt32()));
        var named = await ExpectAsync(admin.GetAsync($"ManagedSystems/{DemoSeed.WindowsSystemId}/ManagedAccounts?name=legacy-svc"), HttpStatusCode.OK);
        Assert.False(named.EnumerateArray().Single().GetProperty("ApiEnabled").GetBoolean());
        await ExpectAsync(admin.GetAsync("ManagedSystems/99/ManagedAccounts"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E5_CreateAnswers201_ADuplicateIsTheDocumented400_AndEveryLimitIsChecked()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var path = $"ManagedSystems/{DemoSeed.WindowsSystemId}/ManagedAccounts";
        var created = await ExpectAsync(PostAsync(admin, path,
            """{"AccountName":"svc-web","Password":"Svc-Web-Passw0rd!","Description":"web service","ApiEnabled":true,"ReleaseDuration":60,"MaxReleaseDuration":240,"MaxConcurrentRequests":2,"ChangeFrequencyType":"last"}"""),
            HttpStatusCode.Created);
        Assert.Equal("svc-web", created.GetProperty("AccountName").GetString());
        Assert.Equal(DemoSeed.WindowsSystemId, created.GetProperty("ManagedSystemID").GetInt32());
        Assert.Equal(240, created.GetProperty("MaxReleaseDuration").GetInt32());
        Assert.Equal("last", created.GetProperty("ChangeFrequencyType").GetString());
        Assert.DoesNotContain("Svc-Web-Passw0rd!", created.GetRawText());
        var id = created.GetProperty("ManagedAccountID").GetInt32();
        Assert.Equal("Svc-Web-Passw0rd!", emulator.State.RevealAccountPassword(id));

        var duplicate = await ExpectBadRequestAsync(PostAsync(admin, path, """{"AccountName":"SVC-WEB","Password":"x"}"""), "already exists");
        Assert.Equal($"Managed System/Account already exists: {DemoSeed.WindowsSystemId}/SVC-WEB", duplicate);
        var cases = new (string Query, string Body, string Mentions)[]
        {
            ("", """{"Password":"x"}""", "AccountName is required"),
            ("", $$"""{"AccountName":"{{new string('a', 246)}}","Password":"x"}""", "AccountName must be 245"),
            ("", """{"AccountName":"n1"}""", "Password is required"),
            ("", $$"""{"AccountName":"n1","Password":"x","DomainName":"{{new string('d', 51)}}"}""", "DomainName must be 50"),
            ("", $$"""{"AccountName":"n1","Password":"x","UserPrincipalName":"{{new string('u', 501)}}"}""", "UserPrincipalName"),
            ("", """{"AccountName":"n1","Password":"x","SAMAccountName":"abcdefghijklmnopqrstu"}""", "SAMAccountName must be 20"),
            ("", $$"""{"AccountName":"n1","Password":"x","Description":"{{new string('d', 1025)}}"}""", "Description must be 1024"),
            ("", """{"AccountName":"n1","Password":"x","MaxConcurrentRequests":1000}""", "MaxConcurrentRequests"),
            ("", """{"AccountName":"n1","Password":"x","ReleaseDuration":525601}""", "ReleaseDuration"),
            ("", """{"AccountName":"n1","Password":"x","ReleaseDuration":500,"MaxReleaseDuration":100}""", "must not exceed"),
            ("", """{"AccountName":"n1","Password":"x","ChangeFrequencyType":"xdays"}""", "ChangeFrequencyDays is required"),
            ("", """{"AccountName":"n1","Password":"x","ChangeTime":"7pm"}""", "ChangeTime"),
            ("", """{"AccountName":"n1","Password":"x","NextChangeDate":"31/12/2030"}""", "NextChangeDate"),
            ("", """{"AccountName":"n1","Password":"x","ReleaseNotificationEmail":"ops"}""", "ReleaseNotificationEmail"),
            ("", """{"AccountName":"n1","Password":"x","Passphrase":"p"}""", "Passphrase"),
            ("", """{"AccountName":"n1","Password":"x","ApiEnabled":"yes"}""", "ApiEnabled"),
            ("", """{"AccountName":"n1","Password":"x","UseOwnCredentials":true}""", "version=3.1"),
            ("?version=3.2", """{"AccountName":"n1","Password":"x","WorkgroupID":1}""", "version=3.3"),
            ("?version=3.4", """{"AccountName":"n1","Password":"x","ObjectID":"abc"}""", "version=3.5"),
            ("?version=3.6", """{"AccountName":"n1","Password":"x"}""", "version"),
        };
        foreach (var (query, body, mentions) in cases) await ExpectBadRequestAsync(PostAsync(admin, path + query, body), mentions);
        var v35 = await ExpectAsync(PostAsync(admin, path + "?version=3.5",
            """{"AccountName":"n1","AutoManagementFlag":true,"UseOwnCredentials":true,"WorkgroupID":1,"ChangeComPlusFlag":true,"ObjectID":"abc"}"""),
            HttpStatusCode.Created);
        Assert.True(v35.GetProperty("UseOwnCredentials").GetBoolean());
        Assert.Equal("abc", v35.GetProperty("ObjectID").GetString());
        // No password with auto-management: the server set one.
        Assert.False(string.IsNullOrEmpty(emulator.State.RevealAccountPassword(v35.GetProperty("ManagedAccountID").GetInt32())));
        await ExpectAsync(PostAsync(admin, "ManagedSystems/99/ManagedAccounts", """{"AccountName":"x","Password":"x"}"""), HttpStatusCode.NotFound);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.ManagedAccountCreated && e.UserName == DemoSeed.RunAs);
        Assert.DoesNotContain(emulator.State.Audit, e => (e.Reason ?? string.Empty).Contains("Passw0rd"));
    }

    [Fact]
    public async Task E5_NewAccountsAppearInCheckoutAtOnceWhenApiEnabledAndCoveredByARole()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var jdoe = await NonAdminAsync(emulator);
        // Smart rule 2 "Databases" covers every account of db01, so jdoe (requestor on it) sees new API-enabled ones there.
        var before = (await ExpectAsync(jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.OK)).GetArrayLength();
        var path = $"ManagedSystems/{DemoSeed.DatabaseSystemId}/ManagedAccounts";
        var enabled = (await ExpectAsync(PostAsync(admin, path, """{"AccountName":"reporting","Password":"Rep-Passw0rd!","ApiEnabled":true}"""), HttpStatusCode.Created))
            .GetProperty("ManagedAccountID").GetInt32();
        var hidden = (await ExpectAsync(PostAsync(admin, path, """{"AccountName":"batch","Password":"Batch-Passw0rd!"}"""), HttpStatusCode.Created))
            .GetProperty("ManagedAccountID").GetInt32();
        var after = await ExpectAsync(jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.OK);
        Assert.Equal(before + 1, after.GetArrayLength());
        Assert.Contains(after.EnumerateArray(), a => a.GetProperty("AccountId").GetInt32() == enabled);
        Assert.DoesNotContain(after.EnumerateArray(), a => a.GetProperty("AccountId").GetInt32() == hidden);
        var single = await ExpectAsync(jdoe.GetAsync("ManagedAccounts?systemName=db01&accountName=reporting"), HttpStatusCode.OK);
        Assert.Equal(enabled, single.GetProperty("AccountId").GetInt32());

        // Turning ApiEnabled on makes the other one requestable too; renaming it is seen at once.
        await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{hidden}", """{"ApiEnabled":true,"AccountName":"batch2"}"""), HttpStatusCode.OK);
        var renamed = await ExpectAsync(jdoe.GetAsync("ManagedAccounts?systemName=db01&accountName=batch2"), HttpStatusCode.OK);
        Assert.Equal(hidden, renamed.GetProperty("AccountId").GetInt32());
        // Policy 2 on db01 needs an approver: the request is pending, which proves it went through the normal rules.
        var response = await PostAsync(jdoe, "Requests",
            $$"""{"SystemID":{{DemoSeed.DatabaseSystemId}},"AccountID":{{enabled}},"DurationMinutes":30,"Reason":"report"}""");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task UpdateChangesFieldsRefusesDuplicatesAndCredentials_DeleteCancelsOpenRequests()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var updated = await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{DemoSeed.WindowsAccountId}",
            """{"Description":"domain admin","MaxConcurrentRequests":3,"CheckPasswordFlag":true}"""), HttpStatusCode.OK);
        Assert.Equal("domain admin", updated.GetProperty("Description").GetString());
        Assert.True(updated.GetProperty("CheckPasswordFlag").GetBoolean());
        Assert.Equal(3, emulator.State.FindManagedAccount(DemoSeed.WindowsAccountId)!.MaxConcurrentRequests);
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedAccounts/{DemoSeed.WindowsAccountId}", """{"AccountName":"legacy-svc"}"""),
            $"Managed System/Account already exists: {DemoSeed.WindowsSystemId}/legacy-svc");
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedAccounts/{DemoSeed.WindowsAccountId}", """{"Password":"x"}"""), "Credentials");
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedAccounts/{DemoSeed.WindowsAccountId}", """{"ReleaseDuration":0}"""), "ReleaseDuration");
        await ExpectAsync(PutAsync(admin, "ManagedAccounts/999", """{"Description":"x"}"""), HttpStatusCode.NotFound);

        var jdoe = await NonAdminAsync(emulator);
        var requestId = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId);
        await ExpectAsync(admin.DeleteAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}"), HttpStatusCode.OK);
        Assert.Equal(RequestStatus.Canceled, emulator.State.FindRequest(requestId)!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await jdoe.GetAsync($"Credentials/{requestId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await CheckoutHttp.PutJsonAsync(jdoe, $"Requests/{requestId}/Checkin")).StatusCode);
        await ExpectAsync(admin.GetAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}"), HttpStatusCode.NotFound);
        await ExpectAsync(admin.DeleteAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await jdoe.GetAsync("ManagedAccounts?systemName=web01&accountName=Administrator")).StatusCode);
        // A new account never takes the deleted one's id (it would silently join the deleted one's smart rules).
        var next = await ExpectAsync(PostAsync(admin, $"ManagedSystems/{DemoSeed.WindowsSystemId}/ManagedAccounts",
            """{"AccountName":"Administrator","Password":"x","ApiEnabled":true}"""), HttpStatusCode.Created);
        Assert.NotEqual(DemoSeed.WindowsAccountId, next.GetProperty("ManagedAccountID").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await jdoe.GetAsync("ManagedAccounts?systemName=web01&accountName=Administrator")).StatusCode);
    }

    [Fact]
    public async Task UsersWithoutAccountManagementGet4031()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        await ExpectForbiddenAsync(jdoe.GetAsync("ManagedAccounts/1"));
        await ExpectForbiddenAsync(jdoe.GetAsync("ManagedSystems/1/ManagedAccounts"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "ManagedSystems/1/ManagedAccounts", """{"AccountName":"x","Password":"y"}"""));
        await ExpectForbiddenAsync(PutAsync(jdoe, "ManagedAccounts/1", """{"Description":"x"}"""));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("ManagedAccounts/1"));
        // The checkout list stays open to requestors.
        await ExpectAsync(jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.OK);
        Assert.NotNull(emulator.State.FindManagedAccount(1));
    }
}
