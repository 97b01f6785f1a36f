using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests;

/// <summary>
/// What a module user sees when the emulator holds OAuth and PSRUN-only registrations to their rules (A1, A3, A7, B6,
/// C2): an application user outside the policy's groups cannot connect, a deactivated access policy ends its connected
/// runbooks, and a registration with PSRUN rules alone admits only their addresses.
/// </summary>
public sealed class AccessPolicyConformanceTests
{
    [Fact]
    public async Task A7_C2_NewApplicationUserInNoGroup_ConnectRefused_OAuthClientRejected_UntilAGroupGrantsItsPolicy()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();
        var created = admin.Run("New-PSUser -UserName 'lonely-bot' -ApplicationUser -AccessPolicyId 20").AssertSuccess().Output.Single();
        var credential = Assert.IsType<PSCredential>(created.Properties["ClientCredential"].Value);
        using var bot = emulator.NewRunner(interactive: false);
        bot.SetVariable("AppCredential", credential);
        const string connect = "Connect-PasswordSafe -Uri $Uri -ClientCredential $AppCredential -ServerCertificateThumbprint $Thumbprint";
        var audit = AuditCursor.Mark(emulator.State);

        bot.Run(connect).AssertError("OAuthClientRejected", ErrorCategory.AuthenticationError);

        var refusal = Assert.Single(audit.NewEntries(AuditKinds.TokenRejected, "lonely-bot"));
        Assert.Contains("no active group granted API access policy 20", refusal.Reason);
        Assert.Empty(audit.NewEntries(AuditKinds.TokenIssued));
        admin.Run($"Add-PSUserGroupMember -GroupId 2 -UserId {created.Properties["UserId"].Value}").AssertSuccess();
        bot.Run(connect).AssertSuccess();
    }

    [Fact]
    public async Task A1_AccessPolicyDeactivated_TheConnectedRunbooksNextCallFails_AndSendsTheAnswerNoFurther()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var bot = emulator.NewRunner(interactive: false);
        bot.Run(emulator.ConnectWithClient(bot, "ci-bot")).AssertSuccess();
        bot.Run("$null = Invoke-PSRestMethod -Path 'ManagedAccounts'").AssertSuccess();
        using var admin = emulator.NonInteractiveAdmin();
        admin.Run("Set-PSApiRegistration -RegistrationId 20 -Active $false -Confirm:$false").AssertSuccess();
        var audit = AuditCursor.Mark(emulator.State);

        var result = bot.Run("Invoke-PSRestMethod -Path 'ManagedAccounts'");

        Assert.Equal(ErrorCategory.AuthenticationError, Assert.Single(result.Errors).CategoryInfo.Category);
        Assert.Empty(result.Output);
        Assert.Contains(audit.NewEntries(), e => e.UserName == "ci-bot" && e.Reason!.Contains("not active"));
        Assert.Empty(audit.NewEntries(AuditKinds.SignInSucceeded));
    }

    [Fact]
    public async Task A3_B6_RegistrationWithOnlyAPsrunRule_ConnectFromElsewhere_AuthenticationFailed_FromItsAddress_SignsIn()
    {
        await using var emulator = await EmulatorFixture.StartIsolatedAsync();
        using var admin = emulator.NonInteractiveAdmin();
        var setUp = admin.Run(
            "$r = New-PSApiRegistration -Name 'psrun only' -MultiFactorAuthentication $false -PsrunRule @{ SystemName = 'jump01'; IPAddress = '10.0.0.5' }\n" +
            "$g = New-PSUserGroup -Name 'psrun users' -ApplicationRegistrationId $r.RegistrationId\n" +
            "$g | Add-PSUserGroupMember -UserId 2\n" +
            "Get-PSApiRegistrationKey -RegistrationId $r.RegistrationId\n" +
            "$r.RegistrationId").AssertSuccess();
        var key = Assert.IsType<SecureString>(setUp.Output[0].BaseObject);
        var registrationId = (int)setUp.Output[1].BaseObject;
        using var user = emulator.NewRunner(interactive: false);
        user.SetVariable("NewKey", key);
        const string connect = "Connect-PasswordSafe -Uri $Uri -ApiKey $NewKey -RunAs demo -ServerCertificateThumbprint $Thumbprint";
        var audit = AuditCursor.Mark(emulator.State);

        user.Run(connect).AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);

        var refusal = audit.AssertOneFailure("demo");
        Assert.Equal(registrationId, refusal.RegistrationId);
        Assert.Contains("127.0.0.1 matches no IP rule and no PSRUN rule", refusal.Reason);
        admin.Run($"Set-PSApiRegistration -RegistrationId {registrationId} -PsrunRule @{{ SystemName = 'jump01'; IPAddress = '127.0.0.1' }} -Confirm:$false")
            .AssertSuccess();
        user.Run(connect).AssertSuccess();
    }
}
