using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Smart rules (read) and quick rules (api-v3 §6.4; spec E5 step 4).</summary>
public class SmartRuleAdminHttpTests
{
    [Fact]
    public async Task SmartRulesAreListedWithTheDocumentedKeysAndTheirAccounts()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var rules = await ExpectAsync(admin.GetAsync("SmartRules"), HttpStatusCode.OK);
        Assert.Equal(new[] { "SmartRuleID", "OrganizationIDs", "Title", "Description", "Category", "Status", "LastProcessedDate",
            "IsReadOnly", "RuleType" }, Keys(rules[0]));
        Assert.Equal(new[] { 1, 2, 3 }, rules.EnumerateArray().Select(r => r.GetProperty("SmartRuleID").GetInt32()));
        Assert.Equal("Databases", (await ExpectAsync(admin.GetAsync("SmartRules/2"), HttpStatusCode.OK)).GetProperty("Title").GetString());
        await ExpectAsync(admin.GetAsync("SmartRules/99"), HttpStatusCode.NotFound);
        var accounts = await ExpectAsync(admin.GetAsync("SmartRules/3/ManagedAccounts"), HttpStatusCode.OK);
        Assert.Equal(new[] { 1, 7 }, accounts.EnumerateArray().Select(a => a.GetProperty("ManagedAccountID").GetInt32()));
    }

    [Fact]
    public async Task E5_QuickRulesAreCreatedFromAccountIdsAndListedApartFromSmartRules()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        Assert.Equal(0, (await ExpectAsync(admin.GetAsync("QuickRules"), HttpStatusCode.OK)).GetArrayLength());
        var created = await ExpectAsync(PostAsync(admin, "QuickRules",
            """{"AccountIDs":[4,2,4],"Title":"Nightly batch","Category":"Ops","Description":"batch accounts"}"""), HttpStatusCode.Created);
        Assert.Equal(new[] { "SmartRuleID", "OrganizationID", "Title", "Description", "Category", "Status", "LastProcessedDate",
            "IsReadOnly", "RuleType" }, Keys(created));
        Assert.Equal("QuickRule", created.GetProperty("RuleType").GetString());
        var id = created.GetProperty("SmartRuleID").GetInt32();
        Assert.Equal(4, id);
        Assert.Equal(id, (await ExpectAsync(admin.GetAsync("QuickRules"), HttpStatusCode.OK)).EnumerateArray().Single().GetProperty("SmartRuleID").GetInt32());
        Assert.Equal(4, (await ExpectAsync(admin.GetAsync("SmartRules"), HttpStatusCode.OK)).GetArrayLength());
        await ExpectAsync(admin.GetAsync($"QuickRules/{id}"), HttpStatusCode.OK);
        await ExpectAsync(admin.GetAsync("QuickRules/1"), HttpStatusCode.NotFound);
        var accounts = await ExpectAsync(admin.GetAsync($"QuickRules/{id}/ManagedAccounts"), HttpStatusCode.OK);
        Assert.Equal(new[] { 2, 4 }, accounts.EnumerateArray().Select(a => a.GetProperty("ManagedAccountID").GetInt32()));

        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", """{"Title":"t"}"""), "AccountIDs is required");
        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", """{"AccountIDs":[],"Title":"t"}"""), "at least one");
        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", """{"AccountIDs":["a"],"Title":"t"}"""), "AccountIDs");
        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", """{"AccountIDs":[999],"Title":"t"}"""), "999");
        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", """{"AccountIDs":[1]}"""), "Title is required");
        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", $$"""{"AccountIDs":[1],"Title":"{{new string('t', 76)}}"}"""), "Title must be 75");
        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", $$"""{"AccountIDs":[1],"Title":"c","Category":"{{new string('c', 76)}}"}"""), "Category");
        await ExpectBadRequestAsync(PostAsync(admin, "QuickRules", """{"AccountIDs":[1],"Title":"nightly BATCH"}"""), "already exists");
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.QuickRuleCreated && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task UsersWithoutSmartRuleManagementGet4031()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        await ExpectForbiddenAsync(jdoe.GetAsync("SmartRules"));
        await ExpectForbiddenAsync(jdoe.GetAsync("SmartRules/1"));
        await ExpectForbiddenAsync(jdoe.GetAsync("QuickRules"));
        await ExpectForbiddenAsync(jdoe.GetAsync("QuickRules/1/ManagedAccounts"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "QuickRules", """{"AccountIDs":[1],"Title":"mine"}"""));
        Assert.Equal(3, emulator.State.SmartRules.Count);
    }
}
