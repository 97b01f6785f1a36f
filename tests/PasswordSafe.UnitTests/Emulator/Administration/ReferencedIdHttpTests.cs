using System.Linq;
using System.Net;
using System.Threading.Tasks;
using PasswordSafe.UnitTests.Emulator.Checkout;
using Xunit;
using static PasswordSafe.UnitTests.Emulator.Administration.AdminHttp;

namespace PasswordSafe.UnitTests.Emulator.Administration;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// D1 (400 validation failure): an id in a body that names something the emulator has must name something that
/// exists (and fits), on create and update alike; it used to be stored unchecked.
/// </summary>
public class ReferencedIdHttpTests
{
    [Fact]
    public async Task D1_ManagedSystem_ApplicationHostId_MustNameAnotherSystemThatIsAnApplicationHost()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var web = $"ManagedSystems/{DemoSeed.WindowsSystemId}?version=3.3";

        await ExpectBadRequestAsync(PutAsync(admin, web, """{"ApplicationHostID":999}"""), "ApplicationHostID 999 is not a managed system");
        await ExpectBadRequestAsync(PutAsync(admin, web, $$"""{"ApplicationHostID":{{DemoSeed.WindowsSystemId}}}"""), "is this managed system");
        await ExpectBadRequestAsync(PutAsync(admin, web, $$"""{"ApplicationHostID":{{DemoSeed.ApplicationSystemId}}}"""), "is not an application host");
        Assert.False(emulator.State.FindManagedSystem(DemoSeed.WindowsSystemId)!.Settings.ContainsKey("ApplicationHostID"));
        await ExpectBadRequestAsync(PostAsync(admin, "Workgroups/1/ManagedSystems?version=3.2",
            """{"PlatformID":1,"HostName":"new-host","IPAddress":"10.0.0.99","ApplicationHostID":999}"""), "ApplicationHostID 999");
        Assert.DoesNotContain(emulator.State.ManagedSystems, s => s.SystemName == "new-host");

        await ExpectAsync(PutAsync(admin, $"ManagedSystems/{DemoSeed.ApplicationSystemId}?version=3.3", """{"IsApplicationHost":true}"""), HttpStatusCode.OK);
        var updated = await ExpectAsync(PutAsync(admin, web, $$"""{"ApplicationHostID":{{DemoSeed.ApplicationSystemId}}}"""), HttpStatusCode.OK);
        Assert.Equal(DemoSeed.ApplicationSystemId, updated.GetProperty("ApplicationHostID").GetInt32());
    }

    [Fact]
    public async Task D1_ManagedAccount_WorkgroupId_MustNameAWorkgroup()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);

        await ExpectBadRequestAsync(PostAsync(admin, $"ManagedSystems/{DemoSeed.WindowsSystemId}/ManagedAccounts?version=3.3",
            """{"AccountName":"wg-check","Password":"Wg-Passw0rd!","WorkgroupID":99}"""), "WorkgroupID 99 is not a workgroup");
        Assert.Null(emulator.State.FindManagedAccount(DemoSeed.WindowsSystemName, "wg-check"));
        await ExpectBadRequestAsync(PutAsync(admin, $"ManagedAccounts/{DemoSeed.WindowsAccountId}?version=3.3", """{"WorkgroupID":99}"""), "WorkgroupID 99");

        await ExpectAsync(PostAsync(admin, $"ManagedSystems/{DemoSeed.WindowsSystemId}/ManagedAccounts?version=3.3",
            """{"AccountName":"wg-check","Password":"Wg-Passw0rd!","WorkgroupID":1}"""), HttpStatusCode.Created);
    }

    [Fact]
    public async Task D1_IsaAppSession_ApplicationId_MustBeTheAccountsApplication()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.SmartRules.Single(r => r.SmartRuleID == 3).ManagedAccountIDs.Add(DemoSeed.ApplicationAccountId);
        await using var emulator = await TestEmulator.StartAsync(seed);
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        string Body(int applicationId) =>
            $$"""{"SessionType":"app","SystemID":{{DemoSeed.ApplicationSystemId}},"AccountID":{{DemoSeed.ApplicationAccountId}},"ApplicationID":{{applicationId}}}""";

        await ExpectBadRequestAsync(CheckoutHttp.PostJsonAsync(isa, "ISASessions", Body(2)), "ApplicationID 2 is not the application of this account");
        Assert.Empty(emulator.State.AccessSessions);
        await ExpectAsync(CheckoutHttp.PostJsonAsync(isa, "ISASessions", Body(DemoSeed.ApplicationId)), HttpStatusCode.Created);
    }

    [Fact]
    public async Task D1_ApiRegistrationUpdate_RuleIdOfNoRule_400_NothingChanged()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var admin = await AdminAsync(emulator);
        var path = $"ApiRegistrations/{DemoSeed.ApiKeyRegistrationId}";
        var before = emulator.State.FindApiRegistration(DemoSeed.ApiKeyRegistrationId)!.IPAuthenticationRules;

        await ExpectBadRequestAsync(PutAsync(admin, path, """{"IPAuthenticationRules":[{"Id":99,"Value":"127.0.0.0/8"}]}"""), "rule 99 is not a rule");
        await ExpectBadRequestAsync(PutAsync(admin, path, """{"XForwardedForAuthenticationRules":[{"Id":98,"Value":"10.0.0.0/8"}]}"""), "rule 98 is not a rule");
        var keyPolicy = (await ExpectAsync(PostAsync(admin, "ApiRegistrations",
            """{"Name":"psrun ids","RegistrationType":"ApiKeyPolicy","PSRUNRules":[{"SystemName":"a","IPAddress":"127.0.0.1"}]}"""), HttpStatusCode.Created)).GetProperty("Id").GetInt32();
        await ExpectBadRequestAsync(PutAsync(admin, $"ApiRegistrations/{keyPolicy}", """{"PSRUNRules":[{"Id":7,"SystemName":"b"}]}"""), "rule 7 is not a PSRUN rule");

        Assert.Same(before, emulator.State.FindApiRegistration(DemoSeed.ApiKeyRegistrationId)!.IPAuthenticationRules);
        // The rule's own id keeps it; no id adds one.
        var id = before[0].Id;
        var updated = await ExpectAsync(PutAsync(admin, path, $$"""{"IPAuthenticationRules":[{"Id":{{id}},"Value":"127.0.0.0/8"},{"Value":"10.1.0.0/16"}]}"""), HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("IPAuthenticationRules").GetArrayLength());
    }
}
