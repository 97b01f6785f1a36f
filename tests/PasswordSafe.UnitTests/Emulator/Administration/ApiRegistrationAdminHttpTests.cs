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

/// <summary>POST/PUT/DELETE ApiRegistrations (api-v3 §6.7, spec A1–A6).</summary>
public class ApiRegistrationAdminHttpTests
{
    private const string LoopbackRule = """{"Type":"IPAddress","Value":"127.0.0.1","Description":"loopback"}""";

    [Fact]
    public async Task A1_A2_A5_NewKeyPolicyAnswers201WithoutTheKey_MfaOnByDefault_AndItsKeyWorksAtOnce()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var created = await ExpectAsync(PostAsync(admin, "ApiRegistrations",
            $$"""{"Name":"Runbooks","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}"""), HttpStatusCode.Created);
        Assert.Equal(new[] { "Id", "Name", "RegistrationType", "AccessTokenDuration", "Active", "Visible", "MultiFactorAuthenticationEnforced",
            "ClientCertificateRequired", "UserPasswordRequired", "VerifyPsrunSignature", "IPAuthenticationRules", "PSRUNRules",
            "XForwardedForAuthenticationRules" }, Keys(created));
        Assert.True(created.GetProperty("MultiFactorAuthenticationEnforced").GetBoolean());
        Assert.True(created.GetProperty("Active").GetBoolean());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("AccessTokenDuration").ValueKind);
        Assert.Equal("IPAddress", created.GetProperty("IPAuthenticationRules")[0].GetProperty("Type").GetString());
        var id = created.GetProperty("Id").GetInt32();

        var key = (await ExpectAsync(admin.GetAsync($"ApiRegistrations/{id}/Key"), HttpStatusCode.OK)).GetString()!;
        Assert.Equal(128, key.Length);
        Assert.DoesNotContain(key, created.GetRawText());
        // A7: a group grants the new registration to jdoe; jdoe has no second factor, so enforced MFA lets it through.
        await NewGroupAsync(admin, "Runbook users", [2], [id]);
        var jdoe = await SignInAsync(emulator, key, DemoSeed.DirectoryRunAs);
        await ExpectAsync(jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.OK);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.ApiRegistrationCreated && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task RegistrationNamesAreUnique_OnCreateAndOnRename_AnyCase()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var before = emulator.State.ApiRegistrations.Count;

        await ExpectBadRequestAsync(PostAsync(admin, "ApiRegistrations",
            $$"""{"Name":"demo KEY","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}"""), "already exists");
        var other = await ExpectAsync(PostAsync(admin, "ApiRegistrations",
            $$"""{"Name":"Other","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}"""), HttpStatusCode.Created);
        var id = other.GetProperty("Id").GetInt32();
        await ExpectBadRequestAsync(PutAsync(admin, $"ApiRegistrations/{id}", """{"Name":"Demo key"}"""), "must be unique");
        await ExpectAsync(PutAsync(admin, $"ApiRegistrations/{id}", """{"Name":"OTHER"}"""), HttpStatusCode.OK);

        Assert.Equal(before + 1, emulator.State.ApiRegistrations.Count);
        Assert.Equal("OTHER", emulator.State.ApiRegistrations.Single(r => r.Id == id).Name);
    }

    [Fact]
    public async Task A1_AccessPolicyTakesAnAccessTokenDurationAndHasNoKey()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var created = await ExpectAsync(PostAsync(admin, "ApiRegistrations",
            $$"""{"Name":"OAuth","RegistrationType":"ApiAccessPolicy","AccessTokenDuration":15,"IPAuthenticationRules":[{{LoopbackRule}}]}"""),
            HttpStatusCode.Created);
        Assert.Equal(15, created.GetProperty("AccessTokenDuration").GetInt32());
        var id = created.GetProperty("Id").GetInt32();
        await ExpectBadRequestAsync(admin.GetAsync($"ApiRegistrations/{id}/Key"), "no key");
        await ExpectBadRequestAsync(admin.PostAsync($"ApiRegistrations/{id}/Rotate", null), "no key");
        Assert.Equal(RegistrationType.ApiAccessPolicy, emulator.State.FindApiRegistration(id)!.RegistrationType);
    }

    [Fact]
    public async Task A1_A3_A4_EveryValidationErrorIs400NamingTheField()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var cases = new (string Body, string Mentions)[]
        {
            ($$"""{"RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}""", "Name"),
            ($$"""{"Name":"{{new string('n', 257)}}","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}""", "Name"),
            ($$"""{"Name":"x","IPAuthenticationRules":[{{LoopbackRule}}]}""", "RegistrationType"),
            ($$"""{"Name":"x","RegistrationType":"KeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}""", "RegistrationType"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy"}""", "IP rule"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","XForwardedForAuthenticationRules":[{"Value":"10.0.0.1"}]}""", "X-Forwarded-For rules alone"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Value":"300.1.1.1"}]}""", "IPAuthenticationRules[1]"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Type":"IPRange","Value":"10.0.0.9-10.0.0.1"}]}""", "lower address first"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Type":"CIDR","Value":"10.0.0.0/33"}]}""", "prefix length"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Type":"Subnet","Value":"10.0.0.0/8"}]}""", "Unknown rule Type"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":["10.0.0.1"]}""", "must be an object"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Value":"10.0.0.1"}],"XForwardedForAuthenticationRules":[{"Value":"1.2.3"}]}""", "XForwardedForAuthenticationRules[1]"),
            ($$"""{"Name":"x","RegistrationType":"ApiKeyPolicy","AccessTokenDuration":30,"IPAuthenticationRules":[{{LoopbackRule}}]}""", "AccessTokenDuration"),
            ($$"""{"Name":"x","RegistrationType":"ApiAccessPolicy","AccessTokenDuration":0,"IPAuthenticationRules":[{{LoopbackRule}}]}""", "AccessTokenDuration"),
            ("""{"Name":"x","RegistrationType":"ApiAccessPolicy","PSRUNRules":[{"SystemName":"host1"}]}""", "PSRUNRules"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","PSRUNRules":[{}]}""", "PSRUNRules[1]"),
            ($$"""{"Name":"x","RegistrationType":"ApiKeyPolicy","Active":"sometimes","IPAuthenticationRules":[{{LoopbackRule}}]}""", "Active"),
            ("""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Id":"one","Value":"10.0.0.1"}]}""", "Id must be a whole number"),
            ("[]", "JSON object"),
        };
        foreach (var (body, mentions) in cases) await ExpectBadRequestAsync(PostAsync(admin, "ApiRegistrations", body), mentions);
        Assert.Equal(3, emulator.State.ApiRegistrations.Count);
    }

    [Fact]
    public async Task A3_IPv4IPv6RangeCidrAndPsrunRulesAreAccepted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var created = await ExpectAsync(PostAsync(admin, "ApiRegistrations", """
            {"Name":"Mixed","RegistrationType":"ApiKeyPolicy","MultiFactorAuthenticationEnforced":false,
             "IPAuthenticationRules":[{"Value":"10.0.0.1"},{"Value":"fe80::1-fe80::ff"},{"Type":"CIDR","Value":"2001:db8::/32"}],
             "XForwardedForAuthenticationRules":[{"Type":"IPRange","Value":"192.168.0.1-192.168.0.9"}]}
            """), HttpStatusCode.Created);
        var kinds = created.GetProperty("IPAuthenticationRules").EnumerateArray().Select(r => r.GetProperty("Type").GetString()).ToArray();
        Assert.Equal(new[] { "IPAddress", "IPRange", "CIDR" }, kinds);
        Assert.False(created.GetProperty("MultiFactorAuthenticationEnforced").GetBoolean());
        // A3: a PSRUN rule alone is enough.
        await ExpectAsync(PostAsync(admin, "ApiRegistrations",
            """{"Name":"Psrun","RegistrationType":"ApiKeyPolicy","VerifyPsrunSignature":true,"PSRUNRules":[{"SystemName":"app01","IPAddress":"10.0.0.5"}]}"""),
            HttpStatusCode.Created);
    }

    [Fact]
    public async Task A4_UpdateKeepsRulesButARuleCannotMoveBetweenIpAndXff()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var created = await ExpectAsync(PostAsync(admin, "ApiRegistrations", """
            {"Name":"Balanced","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{"Value":"10.0.0.1"}],
             "XForwardedForAuthenticationRules":[{"Value":"192.168.1.0/24"}]}
            """), HttpStatusCode.Created);
        var id = created.GetProperty("Id").GetInt32();
        var xffId = created.GetProperty("XForwardedForAuthenticationRules")[0].GetProperty("Id").GetInt32();

        // By value: 10.0.0.1 leaves the IP list and shows up as an XFF rule.
        await ExpectBadRequestAsync(PutAsync(admin, $"ApiRegistrations/{id}",
            """{"IPAuthenticationRules":[{"Value":"10.0.0.2"}],"XForwardedForAuthenticationRules":[{"Value":"10.0.0.1"}]}"""), "A4");
        // By id: the XFF rule's id sent in the IP list.
        await ExpectBadRequestAsync(PutAsync(admin, $"ApiRegistrations/{id}",
            $$"""{"IPAuthenticationRules":[{"Value":"10.0.0.1"},{"Id":{{xffId}},"Value":"172.16.0.1"}]}"""), "cannot become an IP rule");
        await ExpectBadRequestAsync(PutAsync(admin, $"ApiRegistrations/{id}", """{"IPAuthenticationRules":[]}"""), "at least one IP rule");
        await ExpectBadRequestAsync(PutAsync(admin, $"ApiRegistrations/{id}", """{"RegistrationType":"ApiAccessPolicy"}"""), "RegistrationType");
        await ExpectBadRequestAsync(PutAsync(admin, $"ApiRegistrations/{id}", """{"AccessTokenDuration":10}"""), "AccessTokenDuration");

        var updated = await ExpectAsync(PutAsync(admin, $"ApiRegistrations/{id}",
            """{"Name":"Balanced v2","UserPasswordRequired":true,"IPAuthenticationRules":[{"Value":"10.0.0.1"},{"Value":"10.0.0.3"}]}"""), HttpStatusCode.OK);
        Assert.Equal("Balanced v2", updated.GetProperty("Name").GetString());
        Assert.True(updated.GetProperty("UserPasswordRequired").GetBoolean());
        Assert.Equal(2, updated.GetProperty("IPAuthenticationRules").GetArrayLength());
        Assert.Equal(xffId, updated.GetProperty("XForwardedForAuthenticationRules")[0].GetProperty("Id").GetInt32());
        await ExpectAsync(PutAsync(admin, "ApiRegistrations/999", """{"Name":"nobody"}"""), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DeleteEndsTheSessionsOfTheRegistrationAndItsGrants()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var id = (await ExpectAsync(PostAsync(admin, "ApiRegistrations",
            $$"""{"Name":"Temporary","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}"""), HttpStatusCode.Created))
            .GetProperty("Id").GetInt32();
        var key = (await ExpectAsync(admin.GetAsync($"ApiRegistrations/{id}/Key"), HttpStatusCode.OK)).GetString()!;
        var groupId = await NewGroupAsync(admin, "Temporary users", [2], [id]);
        var jdoe = await SignInAsync(emulator, key, DemoSeed.DirectoryRunAs);
        await ExpectAsync(jdoe.GetAsync("ManagedAccounts"), HttpStatusCode.OK);

        await ExpectAsync(admin.DeleteAsync($"ApiRegistrations/{id}"), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await jdoe.GetAsync("ManagedAccounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TestEmulator.SignInWithKeyAsync(emulator.NewClient(), key, DemoSeed.DirectoryRunAs)).StatusCode);
        await ExpectAsync(admin.GetAsync($"ApiRegistrations/{id}"), HttpStatusCode.NotFound);
        await ExpectAsync(admin.DeleteAsync($"ApiRegistrations/{id}"), HttpStatusCode.NotFound);
        Assert.DoesNotContain(id, emulator.State.FindUserGroup(groupId)!.ApplicationRegistrationIds);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.ApiRegistrationDeleted && e.UserName == DemoSeed.RunAs);
        // The demo admin's own session (another registration) is untouched.
        await ExpectAsync(admin.GetAsync("ApiRegistrations"), HttpStatusCode.OK);
    }

    [Fact]
    public async Task C2_AnAccessPolicyStillUsedByAnApplicationUserCannotBeDeleted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectBadRequestAsync(admin.DeleteAsync($"ApiRegistrations/{DemoSeed.AccessPolicyRegistrationId}"), DemoSeed.ApplicationUser);
        Assert.NotNull(emulator.State.FindApiRegistration(DemoSeed.AccessPolicyRegistrationId));
    }

    [Fact]
    public async Task UsersWithoutTheApiRegistrationsPermissionGet4031AndReadOnlyCannotChangeOrReadKeys()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        var body = $$"""{"Name":"x","RegistrationType":"ApiKeyPolicy","IPAuthenticationRules":[{{LoopbackRule}}]}""";
        await ExpectForbiddenAsync(jdoe.GetAsync("ApiRegistrations"));
        await ExpectForbiddenAsync(PostAsync(jdoe, "ApiRegistrations", body));
        await ExpectForbiddenAsync(PutAsync(jdoe, "ApiRegistrations/1", body));
        await ExpectForbiddenAsync(jdoe.DeleteAsync("ApiRegistrations/1"));
        await ExpectForbiddenAsync(jdoe.GetAsync("ApiRegistrations/1/Key"));

        var admin = await AdminAsync(emulator);
        await NewGroupAsync(admin, "Registration readers", [2], [1], $$"""[{"PermissionID":{{Permissions.ApiRegistrations}},"AccessLevelID":1}]""");
        await ExpectAsync(jdoe.GetAsync("ApiRegistrations"), HttpStatusCode.OK);
        await ExpectForbiddenAsync(PostAsync(jdoe, "ApiRegistrations", body));
        // Reading a key shows a secret (A6): Read Only is not enough.
        await ExpectForbiddenAsync(jdoe.GetAsync("ApiRegistrations/1/Key"));
        Assert.DoesNotContain(emulator.State.Audit, e => e.Kind == AuditKinds.ApiKeyRead);
    }
}
