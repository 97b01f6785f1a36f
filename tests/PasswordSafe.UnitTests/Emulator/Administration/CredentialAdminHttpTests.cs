using System;
using System.Net;
using System.Threading.Tasks;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>Set, change and test a managed account's credentials (api-v3 §4.2; spec E5).</summary>
public class CredentialAdminHttpTests
{
    private const int Account = DemoSeed.WindowsAccountId;

    [Fact]
    public async Task SetWithUpdateSystemStoresThePasswordAndTestSucceeds()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        Assert.True((await ExpectAsync(admin.PostAsync($"ManagedAccounts/{Account}/Credentials/Test", null), HttpStatusCode.OK)).GetProperty("Success").GetBoolean());
        await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{Account}/Credentials", """{"Password":"Fresh-Passw0rd!"}"""), HttpStatusCode.NoContent);
        Assert.Equal("Fresh-Passw0rd!", emulator.State.RevealAccountPassword(Account));
        var test = await ExpectAsync(admin.PostAsync($"ManagedAccounts/{Account}/Credentials/Test", null), HttpStatusCode.OK);
        Assert.Equal(new[] { "Success" }, Keys(test));
        Assert.True(test.GetProperty("Success").GetBoolean());

        // E1 sees the new password at once.
        var jdoe = await NonAdminAsync(emulator);
        var requestId = await Checkout.CheckoutHttp.RequestAsync(jdoe, DemoSeed.WindowsSystemId, Account);
        Assert.Equal("\"Fresh-Passw0rd!\"", await (await jdoe.GetAsync($"Credentials/{requestId}")).Content.ReadAsStringAsync());
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.CredentialsSet && e.UserName == DemoSeed.RunAs);
        Assert.DoesNotContain(emulator.State.Audit, e => (e.Reason ?? string.Empty).Contains("Fresh-Passw0rd!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutUpdateSystemTheSystemKeepsItsPasswordSoTestFails_UntilAChangeSyncsThem()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{Account}/Credentials", """{"Password":"Vault-Only-1!","UpdateSystem":false}"""), HttpStatusCode.NoContent);
        Assert.False(emulator.State.SystemHasStoredPassword(Account));
        Assert.False((await ExpectAsync(admin.PostAsync($"ManagedAccounts/{Account}/Credentials/Test", "{}".AsJson()), HttpStatusCode.OK)).GetProperty("Success").GetBoolean());
        // Setting back the password the system really has makes them agree again.
        await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{Account}/Credentials",
            $$"""{"Password":"{{DemoSeed.WindowsAccountPassword}}","UpdateSystem":false}"""), HttpStatusCode.NoContent);
        Assert.True((await ExpectAsync(admin.PostAsync($"ManagedAccounts/{Account}/Credentials/Test", null), HttpStatusCode.OK)).GetProperty("Success").GetBoolean());

        await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{Account}/Credentials", """{"Password":"Vault-Only-2!","UpdateSystem":false}"""), HttpStatusCode.NoContent);
        var changes = emulator.State.PasswordChangeCount(Account);
        await ExpectAsync(admin.PostAsync($"ManagedAccounts/{Account}/Credentials/Change", null), HttpStatusCode.NoContent);
        Assert.Equal(changes + 1, emulator.State.PasswordChangeCount(Account));
        Assert.NotEqual("Vault-Only-2!", emulator.State.RevealAccountPassword(Account));
        Assert.True((await ExpectAsync(admin.PostAsync($"ManagedAccounts/{Account}/Credentials/Test", null), HttpStatusCode.OK)).GetProperty("Success").GetBoolean());
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.CredentialsTested && e.Reason!.Contains("rejected"));
    }

    [Fact]
    public async Task WithNoPasswordTheServerGeneratesOne_AndKeysNeedTheirPublicHalf()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectAsync(PutAsync(admin, $"ManagedAccounts/{Account}/Credentials", "{}"), HttpStatusCode.NoContent);
        var generated = emulator.State.RevealAccountPassword(Account)!;
        Assert.NotEqual(DemoSeed.WindowsAccountPassword, generated);
        Assert.True(generated.Length >= 20);

        var path = $"ManagedAccounts/{DemoSeed.LinuxAccountId}/Credentials";
        await ExpectBadRequestAsync(PutAsync(admin, path, """{"PrivateKey":"-----BEGIN KEY-----"}"""), "PublicKey");
        await ExpectAsync(PutAsync(admin, path, """{"PrivateKey":"-----BEGIN KEY-----","UpdateSystem":false}"""), HttpStatusCode.NoContent);
        await ExpectAsync(PutAsync(admin, path, """{"PrivateKey":"-----BEGIN KEY-----","PublicKey":"ssh-ed25519 AAAA","Passphrase":"pp"}"""), HttpStatusCode.NoContent);
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedAccounts/{Account}/Credentials", """{"Passphrase":"pp"}"""), "PrivateKey");
        await ExpectBadRequestAsync(PutAsync(admin, path, """{"Password":""}"""), "Password must not be empty");
        await ExpectBadRequestAsync(PutAsync(admin, path, """{"UpdateSystem":"perhaps"}"""), "UpdateSystem");
        await ExpectBadRequestAsync(PutAsync(admin, path, "[]"), "JSON object");
        await ExpectBadRequestAsync(PostAsync(admin, $"ManagedAccounts/{Account}/Credentials/Change", """{"Queue":"later"}"""), "Queue");
        await ExpectAsync(PutAsync(admin, "ManagedAccounts/999/Credentials", "{}"), HttpStatusCode.NotFound);
        await ExpectAsync(admin.PostAsync("ManagedAccounts/999/Credentials/Test", null), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AQueuedChangeShowsChangeState2AndRunsAMinuteLaterOnTheEmulatorClock()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        await ExpectAsync(PostAsync(admin, $"ManagedAccounts/{Account}/Credentials/Change", """{"Queue":true}"""), HttpStatusCode.NoContent);
        Assert.Equal(2, (await ExpectAsync(admin.GetAsync($"ManagedAccounts/{Account}"), HttpStatusCode.OK)).GetProperty("ChangeState").GetInt32());
        Assert.Equal(DemoSeed.WindowsAccountPassword, emulator.State.RevealAccountPassword(Account));
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await ExpectAsync(admin.GetAsync($"ManagedAccounts/{Account}"), HttpStatusCode.OK);
        Assert.Equal(0, after.GetProperty("ChangeState").GetInt32());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, after.GetProperty("LastChangeDate").ValueKind);
        Assert.NotEqual(DemoSeed.WindowsAccountPassword, emulator.State.RevealAccountPassword(Account));
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.PasswordChangeQueued && e.UserName == DemoSeed.RunAs);
    }

    [Fact]
    public async Task OnlyAccountManagementOrTheIsaOrCredentialsManagerRoleOnTheAccountMayManageCredentials()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await NonAdminAsync(emulator);
        await ExpectForbiddenAsync(PutAsync(jdoe, $"ManagedAccounts/{Account}/Credentials", "{}"));
        await ExpectForbiddenAsync(jdoe.PostAsync($"ManagedAccounts/{Account}/Credentials/Change", null));
        await ExpectForbiddenAsync(jdoe.PostAsync($"ManagedAccounts/{Account}/Credentials/Test", null));
        // Unknown ids are 4031 too for them: the answer must not reveal which accounts exist.
        await ExpectForbiddenAsync(jdoe.PostAsync("ManagedAccounts/999/Credentials/Test", null));
        Assert.Equal(DemoSeed.WindowsAccountPassword, emulator.State.RevealAccountPassword(Account));

        // isa-user holds ISA on rule 3 (accounts 1 and 7) but nothing on db01's sa.
        var isa = await SignInAsync(emulator, DemoSeed.ApiKey, DemoSeed.IsaUser);
        await ExpectAsync(isa.PostAsync($"ManagedAccounts/{Account}/Credentials/Test", null), HttpStatusCode.OK);
        await ExpectAsync(PutAsync(isa, $"ManagedAccounts/{DemoSeed.IsaOnlyAccountId}/Credentials", """{"Password":"Isa-Set-1!"}"""), HttpStatusCode.NoContent);
        await ExpectForbiddenAsync(isa.PostAsync($"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Credentials/Test", null));

        // A Credentials Manager role (6) on the Databases rule opens db01 to the approver's group.
        var admin = await AdminAsync(emulator);
        var approver = await SignInAsync(emulator, DemoSeed.ApiKey, DemoSeed.ApproverUser);
        await ExpectForbiddenAsync(approver.PostAsync($"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Credentials/Change", null));
        await ExpectAsync(PostAsync(admin, $"UserGroups/{DemoSeed.ApproversGroupId}/SmartRules/2/Roles", """{"Roles":[{"RoleID":2},{"RoleID":6}]}"""), HttpStatusCode.NoContent);
        await ExpectAsync(approver.PostAsync($"ManagedAccounts/{DemoSeed.DatabaseAccountId}/Credentials/Change", null), HttpStatusCode.NoContent);
    }
}
