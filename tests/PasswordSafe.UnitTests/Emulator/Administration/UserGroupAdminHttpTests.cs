using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>UserGroups (api-v3 §6.5, spec A7, E5): create by type, find and delete by name, permissions, smart-rule roles.</summary>
public class UserGroupAdminHttpTests
{
    [Fact]
    public async Task E5_BeyondInsightGroupFromLowerCamelKeysAnswers201AndIsFoundByName()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var created = await ExpectAsync(PostAsync(admin, "UserGroups", """
            {"groupType":"BeyondInsight","groupName":"Runbook operators","description":"E5","isActive":true,
             "Permissions":[{"PermissionID":1,"AccessLevelID":2}],"SmartRuleAccess":[{"SmartRuleID":1,"AccessLevelID":1}],
             "ApplicationRegistrationIDs":[1,2]}
            """), HttpStatusCode.Created);
        Assert.Equal(new[] { "GroupID", "Name", "DistinguishedName", "Description", "GroupType", "AccountAttribute",
            "ApplicationRegistrationIDs", "MembershipAttribute", "IsActive" }, Keys(created));
        Assert.Equal("Runbook operators", created.GetProperty("Name").GetString());
        Assert.Equal(new[] { 1, 2 }, created.GetProperty("ApplicationRegistrationIDs").EnumerateArray().Select(e => e.GetInt32()));
        var id = created.GetProperty("GroupID").GetInt32();
        var byName = await ExpectAsync(admin.GetAsync("UserGroups?name=runbook%20operators"), HttpStatusCode.OK);
        Assert.Equal(id, byName.GetProperty("GroupID").GetInt32());
        await ExpectAsync(admin.GetAsync("UserGroups?name=nobody"), HttpStatusCode.NotFound);
        var group = emulator.State.FindUserGroup(id)!;
        Assert.Equal(SmartRuleRoles.Auditor, group.SmartRuleAccess.Single().Roles);
        Assert.Equal(new PermissionGrant(Permissions.AssetManagement, AccessLevel.ReadWrite), group.Permissions.Single());
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.UserGroupCreated && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task DirectoryGroupsNeedTheirDirectoryFieldsAndNeverShowTheBindPassword()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupType":"ActiveDirectory","groupName":"ad1"}"""), "domainName");
        var ad = await ExpectAsync(PostAsync(admin, "UserGroups",
            """{"GroupType":"ActiveDirectory","GroupName":"req_BPM","description":"req_BPM","domainName":"packet.farm","bindUser":"svc","bindPassword":"Bind-Passw0rd!","SmartRuleAccess":{"SmartRuleID":1,"AccessLevelID":1}}"""),
            HttpStatusCode.Created);
        Assert.Equal("ActiveDirectory", ad.GetProperty("GroupType").GetString());
        Assert.DoesNotContain("Bind-Passw0rd!", ad.GetRawText());
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupType":"LDAP","groupName":"l1","hostName":"ldap.test"}"""), "groupDistinguishedName");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupType":"LDAP","groupName":"l1","groupDistinguishedName":"CN=ops,DC=test"}"""), "hostName");
        var ldap = await ExpectAsync(PostAsync(admin, "UserGroups",
            """{"groupType":"LDAP","groupName":"ops","groupDistinguishedName":"CN=ops,DC=test","hostName":"ldap.test","port":636,"useSSL":true,"membershipAttribute":"member","accountAttribute":"uid"}"""),
            HttpStatusCode.Created);
        Assert.Equal("CN=ops,DC=test", ldap.GetProperty("DistinguishedName").GetString());
    }

    [Fact]
    public async Task CreateValidationErrorsAre400NamingTheField()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupType":"BeyondInsight"}"""), "groupName");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", $$"""{"groupName":"{{new string('g', 201)}}"}"""), "groupName must be 200");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", $$"""{"groupName":"g","description":"{{new string('d', 256)}}"}"""), "description");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupType":"EntraID","groupName":"g"}"""), "groupType");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupName":"Administrators"}"""), "already exists");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupName":"g","ApplicationRegistrationIDs":[42]}"""), "42");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupName":"g","ApplicationRegistrationIDs":"1"}"""), "ApplicationRegistrationIDs");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupName":"g","ApplicationRegistrationIDs":["1"]}"""), "ApplicationRegistrationIDs");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupName":"g","Permissions":[{"PermissionID":99,"AccessLevelID":1}]}"""), "PermissionID 99");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupName":"g","Permissions":[{"PermissionID":1,"AccessLevelID":3}]}"""), "AccessLevelID");
        await ExpectBadRequestAsync(PostAsync(admin, "UserGroups", """{"groupName":"g","SmartRuleAccess":[{"SmartRuleID":77,"AccessLevelID":1}]}"""), "SmartRuleID 77");
        Assert.Equal(4, emulator.State.UserGroups.Count);
    }

    [Fact]
    public async Task A7_DeletingAGroupByIdOrNameTakesAwayWhatItGranted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var id = await NewGroupAsync(admin, "MFA key users", [6], [DemoSeed.MfaApiKeyRegistrationId]);
        await SignInAsync(emulator, DemoSeed.MfaApiKey, DemoSeed.ApproverUser);
        await ExpectAsync(admin.DeleteAsync($"UserGroups/{id}"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.MfaApiKey, DemoSeed.ApproverUser)).StatusCode);
        await ExpectAsync(admin.GetAsync($"UserGroups/{id}"), HttpStatusCode.NotFound);

        await NewGroupAsync(admin, "Short lived", [], []);
        await ExpectAsync(admin.DeleteAsync("UserGroups?name=short%20lived"), HttpStatusCode.OK);
        await ExpectAsync(admin.DeleteAsync("UserGroups?name=short%20lived"), HttpStatusCode.NotFound);
        await ExpectBadRequestAsync(admin.DeleteAsync("UserGroups"), "name");
        // The only Administrators group of the caller cannot go: that would lock the caller out.
        await ExpectBadRequestAsync(admin.DeleteAsync($"UserGroups/{DemoSeed.AdministratorsGroupId}"), "lock you out");
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.UserGroupDeleted && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task GroupPermissionsAreRead_SetWhole204_RemovedAll200_AndAdministratorGroupsHoldThemAllUnchangeably()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var all = await ExpectAsync(admin.GetAsync($"UserGroups/{DemoSeed.AdministratorsGroupId}/Permissions"), HttpStatusCode.OK);
        Assert.Equal(Permissions.All.Count, all.GetArrayLength());
        Assert.All(all.EnumerateArray(), p => Assert.Equal(AccessLevel.ReadWrite, p.GetProperty("AccessLevelID").GetInt32()));

        var id = await NewGroupAsync(admin, "Auditors", [], []);
        Assert.Equal(0, (await ExpectAsync(admin.GetAsync($"UserGroups/{id}/Permissions"), HttpStatusCode.OK)).GetArrayLength());
        // POST answers 204 (API reference) and sets the group's whole set: what it does not list is gone.
        var set = await PostAsync(admin, $"UserGroups/{id}/Permissions", """[{"PermissionID":3,"AccessLevelID":1},{"PermissionID":1,"AccessLevelID":2}]""");
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Empty(await set.Content.ReadAsStringAsync());
        var read = await ExpectAsync(admin.GetAsync($"UserGroups/{id}/Permissions"), HttpStatusCode.OK);
        Assert.Equal(new[] { (1, 2), (3, 1) }, read.EnumerateArray().Select(p => (p.GetProperty("PermissionID").GetInt32(), p.GetProperty("AccessLevelID").GetInt32())));
        await ExpectAsync(PostAsync(admin, $"UserGroups/{id}/Permissions", """[{"PermissionID":3,"AccessLevelID":2}]"""), HttpStatusCode.NoContent);
        Assert.Equal(new[] { new PermissionGrant(3, 2) }, emulator.State.FindUserGroup(id)!.Permissions);
        await ExpectBadRequestAsync(PostAsync(admin, $"UserGroups/{id}/Permissions", """[{"PermissionID":"x"}]"""), "PermissionID");
        await ExpectBadRequestAsync(PostAsync(admin, $"UserGroups/{id}/Permissions", "not json"), "JSON array");
        await ExpectBadRequestAsync(PostAsync(admin, $"UserGroups/{id}/Permissions", """[{"PermissionID":99,"AccessLevelID":1}]"""), "PermissionID 99");
        await ExpectBadRequestAsync(PostAsync(admin, $"UserGroups/{id}/Permissions", """[{"PermissionID":1,"AccessLevelID":1},{"PermissionID":1,"AccessLevelID":2}]"""), "more than once");
        await ExpectAsync(PostAsync(admin, "UserGroups/999/Permissions", "[]"), HttpStatusCode.NotFound);
        Assert.Equal(new[] { new PermissionGrant(3, 2) }, emulator.State.FindUserGroup(id)!.Permissions);

        // DELETE takes every permission away (200), and an Administrators group's cannot be changed either way.
        await ExpectAsync(admin.DeleteAsync($"UserGroups/{id}/Permissions"), HttpStatusCode.OK);
        Assert.Empty(emulator.State.FindUserGroup(id)!.Permissions);
        await ExpectAsync(admin.DeleteAsync("UserGroups/999/Permissions"), HttpStatusCode.NotFound);
        await ExpectBadRequestAsync(admin.DeleteAsync($"UserGroups/{DemoSeed.AdministratorsGroupId}/Permissions"), "cannot be changed");
        await ExpectBadRequestAsync(PostAsync(admin, $"UserGroups/{DemoSeed.AdministratorsGroupId}/Permissions", """[{"PermissionID":1,"AccessLevelID":1}]"""), "cannot be changed");
        Assert.Equal(Permissions.All.Count, (await ExpectAsync(admin.GetAsync($"UserGroups/{DemoSeed.AdministratorsGroupId}/Permissions"), HttpStatusCode.OK)).GetArrayLength());

        var changes = emulator.State.Audit.Where(e => e.Kind == AuditKinds.GroupPermissionsChanged && e.UserName == DemoSeed.RunAs).Select(e => e.Reason).ToList();
        Assert.Equal(new[]
        {
            $"user group {id} 'Auditors' permissions set: Asset Management = Read/Write, Password Safe System Management = Read Only",
            $"user group {id} 'Auditors' permissions set: Password Safe System Management = Read/Write",
            $"user group {id} 'Auditors' permissions removed: Password Safe System Management = Read/Write",
        }, changes);
    }

    [Fact]
    public async Task GrantedPermissionsOpenTheirEndpointsAtOnce_AndRemovingThemClosesThem()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var userId = await NewApiUserAsync(admin, "helpdesk", "Helpdesk-Passw0rd!");
        var id = await NewGroupAsync(admin, "Helpdesk", [userId], []);
        var helpdesk = await SignInAsync(emulator, DemoSeed.ApiKey, "helpdesk");
        await ExpectForbiddenAsync(helpdesk.GetAsync("Users"));

        await ExpectAsync(PostAsync(admin, $"UserGroups/{id}/Permissions", $$"""[{"PermissionID":{{Permissions.UserAccountsManagement}},"AccessLevelID":1}]"""), HttpStatusCode.NoContent);
        // Read Only reads; a change needs Read/Write. The session already open sees the change.
        await ExpectAsync(helpdesk.GetAsync("Users"), HttpStatusCode.OK);
        await ExpectForbiddenAsync(PostAsync(helpdesk, "Users", """{"UserName":"x","Password":"Some-Passw0rd!"}"""));
        await ExpectForbiddenAsync(helpdesk.DeleteAsync($"UserGroups/{id}/Permissions"));

        await ExpectAsync(admin.DeleteAsync($"UserGroups/{id}/Permissions"), HttpStatusCode.OK);
        await ExpectForbiddenAsync(helpdesk.GetAsync("Users"));
    }

    [Fact]
    public async Task RolesPermissionsAccessLevelsAndAGroupsSmartRulesAreListed()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var roles = await ExpectAsync(admin.GetAsync("Roles"), HttpStatusCode.OK);
        Assert.Equal(new[] { "RoleID", "Name" }, Keys(roles[0]));
        Assert.Equal(new[] { (1, "Requestor"), (2, "Approver"), (3, "Requestor/Approver"), (4, "Auditor"),
                (5, "Information Systems Administrator (ISA)"), (6, "Credentials Manager") },
            roles.EnumerateArray().Select(r => (r.GetProperty("RoleID").GetInt32(), r.GetProperty("Name").GetString()!)));
        var permissions = await ExpectAsync(admin.GetAsync("Permissions"), HttpStatusCode.OK);
        Assert.Contains(permissions.EnumerateArray(), p => p.GetProperty("Name").GetString() == "User Accounts Management");
        var levels = await ExpectAsync(admin.GetAsync("AccessLevels"), HttpStatusCode.OK);
        Assert.Equal(new[] { "Read Only", "Read/Write" }, levels.EnumerateArray().Select(l => l.GetProperty("Name").GetString()));

        var rules = await ExpectAsync(admin.GetAsync($"UserGroups/{DemoSeed.ApiUsersGroupId}/SmartRules"), HttpStatusCode.OK);
        Assert.Equal(new[] { 1, 2 }, rules.EnumerateArray().Select(r => r.GetProperty("SmartRuleID").GetInt32()));
        Assert.Equal("Requestor", rules[0].GetProperty("Roles")[0].GetProperty("Name").GetString());
        Assert.Equal(1, rules[0].GetProperty("AccessPolicyID").GetInt32());
        await ExpectAsync(admin.GetAsync("UserGroups/999/SmartRules"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task E5_GrantingARoleOnASmartRuleTakesEffectForCheckoutAtOnce()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var approver = await SignInAsync(emulator, DemoSeed.ApiKey, DemoSeed.ApproverUser);
        var before = await ExpectAsync(approver.GetAsync("ManagedAccounts"), HttpStatusCode.OK);
        Assert.Equal(0, before.GetArrayLength());

        var path = $"UserGroups/{DemoSeed.ApproversGroupId}/SmartRules/1/Roles";
        await ExpectBadRequestAsync(PostAsync(admin, path, """{"Roles":[{"RoleID":1}]}"""), "AccessPolicyID is required");
        await ExpectBadRequestAsync(PostAsync(admin, path, """{"Roles":[{"RoleID":9}],"AccessPolicyID":1}"""), "RoleID 9");
        await ExpectBadRequestAsync(PostAsync(admin, path, """{"Roles":[{"RoleID":1}],"AccessPolicyID":99}"""), "AccessPolicyID 99");
        await ExpectBadRequestAsync(PostAsync(admin, path, """{"AccessPolicyID":1}"""), "Roles is required");
        await ExpectBadRequestAsync(PostAsync(admin, path, """{"Roles":[{"Role":"Requestor"}]}"""), "RoleID");
        await ExpectBadRequestAsync(PostAsync(admin, path, """{"Roles":[{"RoleID":"1"}],"AccessPolicyID":1}"""), "RoleID");
        await ExpectAsync(PostAsync(admin, $"UserGroups/{DemoSeed.ApproversGroupId}/SmartRules/77/Roles", """{"Roles":[{"RoleID":2}]}"""), HttpStatusCode.NotFound);
        await ExpectAsync(PostAsync(admin, "UserGroups/999/SmartRules/1/Roles", """{"Roles":[{"RoleID":2}]}"""), HttpStatusCode.NotFound);

        await ExpectAsync(PostAsync(admin, path, """{"Roles":[{"RoleID":3}],"AccessPolicyID":1}"""), HttpStatusCode.NoContent);
        var after = await ExpectAsync(approver.GetAsync("ManagedAccounts"), HttpStatusCode.OK);
        Assert.Equal(new[] { 1, 3, 4, 5 }, after.EnumerateArray().Select(a => a.GetProperty("AccountId").GetInt32()));
        await ExpectAsync(PostAsync(admin, path, """{"Roles":[]}"""), HttpStatusCode.NoContent);
        Assert.Equal(0, (await ExpectAsync(approver.GetAsync("ManagedAccounts"), HttpStatusCode.OK)).GetArrayLength());
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.GroupRolesChanged && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task UsersWithoutThePermissionsGet4031OnGroupsRolesAndPermissions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        await ExpectForbiddenAsync(jdoe.GetAsync("UserGroups"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "UserGroups", """{"groupName":"mine"}"""));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("UserGroups/2"));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("UserGroups?name=Administrators"));
        await ExpectForbiddenAsync(jdoe.GetAsync("UserGroups/1/Permissions"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "UserGroups/1/Permissions", """[{"PermissionID":4,"AccessLevelID":2}]"""));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("UserGroups/1/Permissions"));
        await ExpectForbiddenAsync(jdoe.GetAsync("UserGroups/1/SmartRules"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "UserGroups/1/SmartRules/3/Roles", """{"Roles":[{"RoleID":5}]}"""));
        await ExpectForbiddenAsync(jdoe.GetAsync("Roles"));
        await ExpectForbiddenAsync(jdoe.GetAsync("Permissions"));
        await ExpectForbiddenAsync(jdoe.GetAsync("AccessLevels"));
        Assert.Empty(emulator.State.FindUserGroup(1)!.Permissions);
    }
}
