using System;
using System.Linq;
using System.Management.Automation;
using System.Security;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

using PasswordSafe.Emulator;

/// <summary>
/// A1–A4, A7 through the registration cmdlets: both types with their options, a new key usable at once by a member
/// of a granting group, and every rule validation refused before anything is sent (the emulator state is compared).
/// Tests share one emulator and use distinct names.
/// </summary>
public sealed class ApiRegistrationAdminTests : IClassFixture<EmulatorFixture>
{
    private readonly EmulatorFixture emulator;

    public ApiRegistrationAdminTests(EmulatorFixture emulator) => this.emulator = emulator;

    [Fact]
    public void A1_A2_KeyPolicy_CreatedWithMfaOnByDefault_AndTheRulesGiven()
    {
        using var admin = AdminShell();

        var created = admin.Run(
            "New-PSApiRegistration -Name 'A1 default key' -IPRule '127.0.0.1', '10.0.0.0/8', '192.168.1.10-192.168.1.20', '2001:db8::/64' " +
            "-PsrunRule @{ SystemName = 'build01'; IPAddress = '10.0.0.5' }").AssertSuccess().Output.Single();

        var id = (int)created.Properties["RegistrationId"].Value;
        Assert.Equal("ApiKeyPolicy", created.Properties["RegistrationType"].Value);
        Assert.True((bool)created.Properties["MultiFactorAuthenticationEnforced"].Value);
        var stored = emulator.State.FindApiRegistration(id)!;
        Assert.Equal(RegistrationType.ApiKeyPolicy, stored.RegistrationType);
        Assert.True(stored.MultiFactorAuthenticationEnforced, "A2: MFA enforcement is on unless turned off");
        Assert.False(stored.ClientCertificateRequired);
        Assert.Equal(new[] { "127.0.0.1", "10.0.0.0/8", "192.168.1.10-192.168.1.20", "2001:db8::/64" },
            stored.IPAuthenticationRules.Select(r => r.Value).ToArray());
        Assert.Equal(new[] { AddressRuleKind.IPAddress, AddressRuleKind.CIDR, AddressRuleKind.IPRange, AddressRuleKind.CIDR },
            stored.IPAuthenticationRules.Select(r => r.Kind).ToArray());
        Assert.Equal("build01", Assert.Single(stored.PSRUNRules).SystemName);
        Assert.Equal(128, emulator.State.ReadApiKey(id, "test-harness").Length);
    }

    [Fact]
    public void A1_A2_KeyPolicy_EveryOptionSet()
    {
        using var admin = AdminShell();

        var id = (int)admin.Run(
            "(New-PSApiRegistration -Name 'A2 all options' -MultiFactorAuthentication $false -ClientCertificateRequired " +
            "-UserPasswordRequired -VerifyPsrunSignature -IPRule @{ Value = '127.0.0.1'; Description = 'balancer' } " +
            "-XForwardedForRule '203.0.113.0/24', '2001:db8::10-2001:db8::20').RegistrationId").AssertSuccess().SingleValue!;

        var stored = emulator.State.FindApiRegistration(id)!;
        Assert.False(stored.MultiFactorAuthenticationEnforced);
        Assert.True(stored.ClientCertificateRequired);
        Assert.True(stored.UserPasswordRequired);
        Assert.True(stored.VerifyPsrunSignature);
        Assert.Equal("balancer", Assert.Single(stored.IPAuthenticationRules).Description);
        Assert.Equal(new[] { AddressRuleKind.CIDR, AddressRuleKind.IPRange }, stored.XForwardedForAuthenticationRules.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public void A1_AccessPolicy_CreatedWithItsTokenDuration_AndReadBackByGet()
    {
        using var admin = AdminShell();

        var result = admin.Run(
            "$r = New-PSApiRegistration -Name 'A1 automation' -Type ApiAccessPolicy -AccessTokenDuration 15 -IPRule '127.0.0.0/8'\n" +
            "$r | Get-PSApiRegistration\n" +
            "Get-PSApiRegistration -Name 'A1 autom*'").AssertSuccess();

        Assert.Equal(2, result.Output.Count);
        var id = (int)result.Output[0].Properties["RegistrationId"].Value;
        Assert.Equal(id, (int)result.Output[1].Properties["RegistrationId"].Value);
        Assert.Equal("ApiAccessPolicy", result.Output[0].Properties["RegistrationType"].Value);
        Assert.Equal(15, result.Output[0].Properties["AccessTokenDuration"].Value);
        var stored = emulator.State.FindApiRegistration(id)!;
        Assert.Equal(RegistrationType.ApiAccessPolicy, stored.RegistrationType);
        Assert.Equal(15, stored.AccessTokenDuration);
    }

    [Fact]
    public void A1_A7_NewKey_UsableAtOnce_ByAMemberOfTheGrantingGroup_OutsiderRefused()
    {
        using var admin = AdminShell();

        var result = admin.Run(
            "$r = New-PSApiRegistration -Name 'A7 runbook key' -IPRule '127.0.0.0/8'\n" +
            "$g = New-PSUserGroup -Name 'A7 runbook users' -ApplicationRegistrationId $r.RegistrationId\n" +
            "$g | Add-PSUserGroupMember -UserId 2\n" +
            "Get-PSApiRegistrationKey -RegistrationId $r.RegistrationId\n" +
            "$r.RegistrationId").AssertSuccess();

        var key = Assert.IsType<SecureString>(result.Output[0].BaseObject);
        var registrationId = (int)result.Output[1].BaseObject;
        using var member = emulator.NewRunner();
        member.SetVariable("NewKey", key);
        member.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $NewKey -RunAs demo -ServerCertificateThumbprint $Thumbprint").AssertSuccess();

        var audit = AuditCursor.Mark(emulator.State);
        using var outsider = emulator.NewRunner();
        outsider.SetVariable("NewKey", key);
        outsider.Run("Connect-PasswordSafe -Uri $Uri -ApiKey $NewKey -RunAs outsider -ServerCertificateThumbprint $Thumbprint")
            .AssertError("AuthenticationFailed", ErrorCategory.AuthenticationError);
        var refusal = audit.AssertOneFailure("outsider");
        Assert.Equal(registrationId, refusal.RegistrationId);
        Assert.Contains("A7", refusal.Reason);
    }

    [Theory]
    [InlineData("-IPRule '10.0.0.256'", "10.0.0.256")]
    [InlineData("-IPRule '10.0.0'", "10.0.0")]
    [InlineData("-IPRule '2001:db8::zz'", "2001:db8::zz")]
    [InlineData("-IPRule '2001:db8:::1'", "2001:db8:::1")]
    [InlineData("-IPRule '10.0.0.20-10.0.0.10'", "10.0.0.20-10.0.0.10")]
    [InlineData("-IPRule '10.0.0.1-2001:db8::1'", "10.0.0.1-2001:db8::1")]
    [InlineData("-IPRule '10.0.0.0/33'", "10.0.0.0/33")]
    [InlineData("-IPRule '2001:db8::/129'", "2001:db8::/129")]
    [InlineData("-IPRule '10.0.0.0/-1'", "10.0.0.0/-1")]
    [InlineData("-IPRule '127.0.0.1' -XForwardedForRule '203.0.113.0/40'", "203.0.113.0/40")]
    [InlineData("-IPRule @{ Value = '10.0.0.1'; Type = 'CIDR' }", "10.0.0.1")]
    public void A3_A4_BadRule_RefusedBeforeSending_NamingTheValue(string rules, string badValue)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run($"New-PSApiRegistration -Name 'A3 bad rule' {rules}");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains($"'{badValue}'", error.ToString());
        Assert.Empty(result.Output);
        before.AssertUnchanged(emulator.State, rules);
        Assert.DoesNotContain(emulator.State.ApiRegistrations, r => r.Name == "A3 bad rule");
    }

    [Theory]
    [InlineData("")]
    [InlineData("-XForwardedForRule '203.0.113.0/24'")]
    public void A3_NoIpOrPsrunRule_RefusedBeforeSending(string rules)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run($"New-PSApiRegistration -Name 'A3 no rule' {rules}");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("IP", error.ToString());
        Assert.Contains("PSRUN", error.ToString(), StringComparison.OrdinalIgnoreCase);
        before.AssertUnchanged(emulator.State, "no IP or PSRUN rule");
    }

    [Fact]
    public void A3_PsrunRuleAlone_IsEnough()
    {
        using var admin = AdminShell();

        var id = (int)admin.Run("(New-PSApiRegistration -Name 'A3 psrun only' -PsrunRule @{ SystemName = 'jump01' }).RegistrationId")
            .AssertSuccess().SingleValue!;

        Assert.Empty(emulator.State.FindApiRegistration(id)!.IPAuthenticationRules);
    }

    [Theory]
    [InlineData("-XForwardedForRule '127.0.0.1'", "'127.0.0.1'")]
    [InlineData("-IPRule '127.0.0.1', '198.51.100.0/24' -XForwardedForRule '203.0.113.0/24'", "'198.51.100.0/24'")]
    public void A4_Set_RuleMovingBetweenIpAndXff_RefusedBeforeSending(string change, string movedValue)
    {
        using var admin = AdminShell();
        var id = (int)admin.Run(
            "(New-PSApiRegistration -Name \"A4 move $([guid]::NewGuid())\" -IPRule '127.0.0.1' -XForwardedForRule '198.51.100.0/24').RegistrationId")
            .AssertSuccess().SingleValue!;
        admin.SetVariable("RegistrationId", id);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run($"Get-PSApiRegistration -RegistrationId $RegistrationId | Set-PSApiRegistration {change}");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains(movedValue, error.ToString());
        Assert.Contains("A4", error.ToString());
        before.AssertUnchanged(emulator.State, change);
    }

    [Fact]
    public void A4_Set_ByPropertyName_ChangesOnlyWhatIsGiven()
    {
        using var admin = AdminShell();
        var id = (int)admin.Run("(New-PSApiRegistration -Name 'A4 set me' -IPRule '127.0.0.1' -XForwardedForRule '198.51.100.0/24').RegistrationId")
            .AssertSuccess().SingleValue!;
        admin.SetVariable("RegistrationId", id);

        var updated = admin.Run(
            "Get-PSApiRegistration -RegistrationId $RegistrationId | Set-PSApiRegistration -Name 'A4 renamed' " +
            "-MultiFactorAuthentication $false -XForwardedForRule '198.51.100.0/24', '203.0.113.7' -PassThru -Force").AssertSuccess().Output.Single();

        Assert.Equal("A4 renamed", updated.Properties["Name"].Value);
        var stored = emulator.State.FindApiRegistration(id)!;
        Assert.Equal("A4 renamed", stored.Name);
        Assert.False(stored.MultiFactorAuthenticationEnforced);
        Assert.Equal("127.0.0.1", Assert.Single(stored.IPAuthenticationRules).Value);
        Assert.Equal(new[] { "198.51.100.0/24", "203.0.113.7" }, stored.XForwardedForAuthenticationRules.Select(r => r.Value).ToArray());
    }

    [Theory]
    [InlineData("-Name ('n' * 257) -IPRule '127.0.0.1'", "Name")]
    [InlineData("-Name 'A1 token too long' -Type ApiAccessPolicy -AccessTokenDuration 525601 -IPRule '127.0.0.1'", "AccessTokenDuration")]
    public void A1_ServerSideValidation_400_PassedThroughWithTheReason(string parameters, string field)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run($"New-PSApiRegistration {parameters}");

        var error = result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("refused by the server", error.ToString());
        Assert.Contains(field, error.ToString());
        before.AssertUnchanged(emulator.State, parameters);
    }

    [Fact]
    public void A1_Remove_ByPropertyName_WithForce_DeletesTheRegistration()
    {
        using var admin = AdminShell();
        var id = (int)admin.Run("(New-PSApiRegistration -Name 'A1 remove me' -IPRule '127.0.0.1').RegistrationId").AssertSuccess().SingleValue!;
        admin.SetVariable("RegistrationId", id);

        admin.Run("Get-PSApiRegistration -RegistrationId $RegistrationId | Remove-PSApiRegistration -Force").AssertSuccess();

        Assert.Null(emulator.State.FindApiRegistration(id));
        admin.Run("Get-PSApiRegistration -RegistrationId $RegistrationId").AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
    }

    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        admin.Run(emulator.ConnectWithKey(admin, TestSeed.AdminKey, "admin")).AssertSuccess();
        return admin;
    }
}
