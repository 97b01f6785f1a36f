using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>POST/PUT/DELETE Users, quarantine and group membership (api-v3 §6.6, spec C1, C2, C6).</summary>
public class UserAdminHttpTests
{
    [Fact]
    public async Task C2_C6_NewApplicationUserShowsItsClientIdSecretAndExpiryOnce_AndTheSecretGetsATokenAtOnce()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var response = await PostAsync(admin, "Users",
            $$"""{"UserType":"Application","UserName":"deploy-bot","AccessPolicyID":{{DemoSeed.AccessPolicyRegistrationId}}}""");
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var created = await ExpectAsync(Task.FromResult(response), HttpStatusCode.Created);
        Assert.Equal("Application", created.GetProperty("UserType").GetString());
        Assert.Equal(DemoSeed.AccessPolicyRegistrationId, created.GetProperty("AccessPolicyID").GetInt32());
        var clientId = created.GetProperty("ClientID").GetString()!;
        var secret = created.GetProperty("ClientSecret").GetString()!;
        Assert.False(string.IsNullOrEmpty(clientId));
        Assert.True(secret.Length >= 32);
        var expiry = created.GetProperty("ClientSecretExpiryDate").GetDateTimeOffset();
        Assert.InRange(expiry - emulator.Clock.GetUtcNow(), TimeSpan.FromDays(364.9), TimeSpan.FromDays(365.1));

        var id = created.GetProperty("UserID").GetInt32();
        var again = await ExpectAsync(admin.GetAsync($"Users/{id}"), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, again.GetProperty("ClientSecret").ValueKind);
        Assert.Equal(clientId, again.GetProperty("ClientID").GetString());
        var listed = await ExpectAsync(admin.GetAsync("Users?username=deploy-bot"), HttpStatusCode.OK);
        Assert.Equal(id, listed.EnumerateArray().Single().GetProperty("UserID").GetInt32());

        // api-v3 §1.4 (A7): a token needs a group granted the access policy; membership takes effect at once.
        await ExpectAsync(admin.PostAsync($"Users/{id}/UserGroups/{DemoSeed.ApiUsersGroupId}", null), HttpStatusCode.Created);
        var token = await TestEmulator.RequestTokenAsync(emulator.NewClient(), clientId, secret);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.DoesNotContain(emulator.State.Audit, e => (e.Reason ?? string.Empty).Contains(secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task C2_AnApplicationUserNeedsAnApiAccessPolicyAndNoPassword()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"Application","UserName":"a1"}"""), "AccessPolicyID");
        await ExpectBadRequestAsync(PostAsync(admin, "Users",
            $$"""{"UserType":"Application","UserName":"a2","AccessPolicyID":{{DemoSeed.ApiKeyRegistrationId}}}"""), "ApiAccessPolicy");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"Application","UserName":"a3","AccessPolicyID":999}"""), "999");
        await ExpectBadRequestAsync(PostAsync(admin, "Users",
            """{"UserType":"Application","UserName":"a4","AccessPolicyID":3,"Password":"Secret-1"}"""), "no password");
        var reason = await ExpectBadRequestAsync(PostAsync(admin, "Users",
            """{"UserType":"Application","UserName":"a5","AccessPolicyID":"three"}"""), "AccessPolicyID");
        Assert.DoesNotContain("three", reason.Replace("AccessPolicyID", string.Empty), StringComparison.Ordinal);
        Assert.Equal(7, emulator.State.Users.Count);
    }

    [Fact]
    public async Task BeyondInsightUsersAreCreatedUpdatedAndValidatedWithTheApiLengthLimits()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var created = await ExpectAsync(PostAsync(admin, "Users",
            """{"UserType":"BeyondInsight","UserName":"alice","FirstName":"Alice","LastName":"Liddell","EmailAddress":"alice@example.test","Password":"Alice-Passw0rd!"}"""),
            HttpStatusCode.Created);
        Assert.Equal("alice", created.GetProperty("UserName").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("ClientSecret").ValueKind);
        Assert.DoesNotContain("Alice-Passw0rd!", created.GetRawText());
        var id = created.GetProperty("UserID").GetInt32();

        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"BeyondInsight","UserName":"ALICE","Password":"x"}"""), "already exists");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", $$"""{"UserName":"{{new string('u', 65)}}","Password":"x"}"""), "UserName must be 64");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", $$"""{"UserName":"bob","FirstName":"{{new string('f', 65)}}","Password":"x"}"""), "FirstName");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", $$"""{"UserName":"bob","LastName":"{{new string('l', 65)}}","Password":"x"}"""), "LastName");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", $$"""{"UserName":"bob","EmailAddress":"{{new string('e', 250)}}@x.test","Password":"x"}"""), "EmailAddress must be 255");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserName":"bob","EmailAddress":"not-an-address","Password":"x"}"""), "EmailAddress");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserName":"bob"}"""), "Password is required");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"Password":"x"}"""), "UserName is required");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"Robot","UserName":"bob"}"""), "UserType");

        var updated = await ExpectAsync(PutAsync(admin, $"Users/{id}", """{"FirstName":"Alicia","Password":"New-Passw0rd!"}"""), HttpStatusCode.OK);
        Assert.Equal("Alicia", updated.GetProperty("FirstName").GetString());
        Assert.Equal("Liddell", updated.GetProperty("LastName").GetString());
        await ExpectBadRequestAsync(PutAsync(admin, $"Users/{id}", """{"UserType":"Application"}"""), "UserType cannot change");
        await ExpectBadRequestAsync(PutAsync(admin, $"Users/{id}", """{"UserName":"demo"}"""), "already exists");
        await ExpectAsync(PutAsync(admin, "Users/999", """{"FirstName":"x"}"""), HttpStatusCode.NotFound);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.UserUpdated && e.Reason!.Contains("password changed"));
        Assert.DoesNotContain(emulator.State.Audit, e => (e.Reason ?? string.Empty).Contains("Passw0rd", StringComparison.Ordinal));
    }

    [Fact]
    public async Task B1_DirectoryUsersAreCreatedByTypeAndSignInByDomainOrCommonName()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"ActiveDirectory","UserName":"carol"}"""), "DomainName");
        var ad = await ExpectAsync(PostAsync(admin, "Users",
            """{"UserType":"ActiveDirectory","UserName":"carol","ForestName":"contoso.test","DomainName":"CONTOSO","BindUser":"svc-bind","BindPassword":"Bind-Passw0rd!","UseSSL":true}"""),
            HttpStatusCode.Created);
        Assert.Equal("CONTOSO", ad.GetProperty("DomainName").GetString());
        Assert.DoesNotContain("Bind-Passw0rd!", ad.GetRawText());
        await ExpectAsync(admin.PostAsync($"Users/{ad.GetProperty("UserID").GetInt32()}/UserGroups/{DemoSeed.ApiUsersGroupId}", null), HttpStatusCode.Created);
        await SignInAsync(emulator, DemoSeed.ApiKey, @"CONTOSO\carol");

        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"LDAP","DistinguishedName":"CN=dave,OU=People,DC=example,DC=test"}"""), "HostName");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"LDAP","HostName":"ldap.example.test"}"""), "DistinguishedName");
        await ExpectBadRequestAsync(PostAsync(admin, "Users", """{"UserType":"LDAP","HostName":"ldap.example.test","DistinguishedName":"CN=dave","Port":70000}"""), "Port");
        var ldap = await ExpectAsync(PostAsync(admin, "Users",
            """{"UserType":"LDAP","HostName":"ldap.example.test","DistinguishedName":"CN=dave,OU=People,DC=example,DC=test","AccountNameAttribute":"uid","Port":636,"UseSSL":true}"""),
            HttpStatusCode.Created);
        Assert.Equal("dave", ldap.GetProperty("UserName").GetString());
        Assert.Equal("LDAP", ldap.GetProperty("UserType").GetString());
    }

    [Fact]
    public async Task DeletingAUserEndsItsSessionsAtOnce()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var id = await NewApiUserAsync(admin, "erin", "Erin-Passw0rd!");
        var erin = await SignInAsync(emulator, DemoSeed.ApiKey, "erin");
        Assert.Equal(HttpStatusCode.OK, (await erin.GetAsync("ManagedAccounts")).StatusCode);

        await ExpectAsync(admin.DeleteAsync($"Users/{id}"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await erin.GetAsync("ManagedAccounts")).StatusCode);
        await ExpectAsync(admin.GetAsync($"Users/{id}"), HttpStatusCode.NotFound);
        await ExpectAsync(admin.DeleteAsync($"Users/{id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, emulator.State.FindUserGroup(DemoSeed.ApiUsersGroupId)!.MemberIds);
        await ExpectBadRequestAsync(admin.DeleteAsync("Users/1"), "signed in as");
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.UserDeleted && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task QuarantineAnswers201AndLocksTheUserOut()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var jdoe = await NonAdminAsync(emulator);
        var user = await ExpectAsync(admin.PostAsync("Users/2/Quarantine", null), HttpStatusCode.Created);
        Assert.True(user.GetProperty("IsQuarantined").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await jdoe.GetAsync("ManagedAccounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.ApiKey, DemoSeed.DirectoryRunAs)).StatusCode);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SignInFailed && e.Reason!.Contains("quarantined"));
        // Again is harmless: still 201 and still quarantined.
        await ExpectAsync(admin.PostAsync("Users/2/Quarantine", null), HttpStatusCode.Created);
        await ExpectAsync(admin.PostAsync("Users/999/Quarantine", null), HttpStatusCode.NotFound);
        await ExpectBadRequestAsync(admin.PostAsync("Users/1/Quarantine", null), "signed in as");
        Assert.False(emulator.State.FindUser(1)!.IsQuarantined);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.UserQuarantined && e.UserName == DemoSeed.RunAs && e.Reason!.Contains("user 2"));
    }

    [Fact]
    public async Task Quarantine_NeedsGlobalQuarantine_NotUserAccountsManagement()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var userAdminId = await NewApiUserAsync(admin, "user-admin", "UserAdmin-Passw0rd!");
        var responderId = await NewApiUserAsync(admin, "responder", "Responder-Passw0rd!");
        await NewGroupAsync(admin, "User admins", [userAdminId], [],
            $$"""[{"PermissionID":{{Permissions.UserAccountsManagement}},"AccessLevelID":2}]""");
        await NewGroupAsync(admin, "Responders", [responderId], [],
            $$"""[{"PermissionID":{{Permissions.PasswordSafeApiGlobalQuarantine}},"AccessLevelID":2}]""");
        var userAdmin = await SignInAsync(emulator, DemoSeed.ApiKey, "user-admin");
        var responder = await SignInAsync(emulator, DemoSeed.ApiKey, "responder");

        await ExpectForbiddenAsync(userAdmin.PostAsync("Users/2/Quarantine", null));
        Assert.False(emulator.State.FindUser(2)!.IsQuarantined);
        var user = await ExpectAsync(responder.PostAsync("Users/2/Quarantine", null), HttpStatusCode.Created);
        Assert.True(user.GetProperty("IsQuarantined").GetBoolean());
        Assert.True(emulator.State.FindUser(2)!.IsQuarantined);
    }

    [Fact]
    public async Task A7_MembershipIsAddedAndRemovedAndGrantsTheGroupsRegistrations()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        // approver (6) may not use the MFA key registration 2 until it joins a group that lists it.
        var approverId = emulator.State.Users.Single(u => u.UserName == DemoSeed.ApproverUser).UserId;
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.MfaApiKey, DemoSeed.ApproverUser)).StatusCode);
        var group = await ExpectAsync(admin.PostAsync($"Users/{approverId}/UserGroups/{DemoSeed.ApiUsersGroupId}", null), HttpStatusCode.Created);
        Assert.Equal(DemoSeed.ApiUsersGroupId, group.GetProperty("GroupID").GetInt32());
        var members = await ExpectAsync(admin.GetAsync($"UserGroups/{DemoSeed.ApiUsersGroupId}/Users"), HttpStatusCode.OK);
        Assert.Contains(members.EnumerateArray(), m => m.GetProperty("UserID").GetInt32() == approverId);
        await SignInAsync(emulator, DemoSeed.MfaApiKey, DemoSeed.ApproverUser);

        await ExpectAsync(admin.DeleteAsync($"Users/{approverId}/UserGroups/{DemoSeed.ApiUsersGroupId}"), HttpStatusCode.OK);
        await ExpectAsync(admin.DeleteAsync($"Users/{approverId}/UserGroups/{DemoSeed.ApiUsersGroupId}"), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), DemoSeed.MfaApiKey, DemoSeed.ApproverUser)).StatusCode);
        await ExpectAsync(admin.PostAsync($"Users/{approverId}/UserGroups/999", null), HttpStatusCode.NotFound);
        await ExpectAsync(admin.PostAsync($"Users/999/UserGroups/{DemoSeed.ApiUsersGroupId}", null), HttpStatusCode.NotFound);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.GroupMemberAdded && e.UserName == DemoSeed.RunAs);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.GroupMemberRemoved && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task UsersWithoutUserAccountsManagementGet4031OnEveryUserCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        await ExpectForbiddenAsync(jdoe.GetAsync("Users"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "Users", """{"UserName":"x","Password":"y"}"""));
        await ExpectForbiddenAsync(PutAsync(jdoe, "Users/2", """{"FirstName":"x"}"""));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("Users/3"));
        await ExpectForbiddenAsync(jdoe.PostAsync("Users/3/Quarantine", null));
        await ExpectForbiddenAsync(jdoe.PostAsync("Users/2/UserGroups/2", null));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("Users/1/UserGroups/2"));
        Assert.False(emulator.State.IsAdministrator(2));
        Assert.False(emulator.State.FindUser(3)!.IsQuarantined);
    }
}
