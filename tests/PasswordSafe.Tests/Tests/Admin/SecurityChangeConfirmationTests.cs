using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Security-relevant changes are confirmed as ConfirmImpact High, as Grant-PSUserGroupPermission and the Remove- cmdlets
/// are: Grant-PSUserGroupRole (with and without -Replace), Set-PSManagedAccountCredential, and a Set-PSApiRegistration
/// that turns a sign-in check off (A2 MFA, B5 client certificate, B1 run-as password, PSRUN signature). The default
/// $ConfirmPreference asks; "No" and a host that cannot ask change nothing; -Force and -Confirm:$false go through without a
/// question; -WhatIf still changes nothing, with or without -Force. Each test owns an emulator: the changes are real.
/// </summary>
public sealed class SecurityChangeConfirmationTests
{
    public static TheoryData<string> HighImpactChanges => new()
    {
        "Grant-PSUserGroupRole -GroupId 3 -SmartRuleId 1 -Role Auditor -AccessPolicyId 1",
        "Grant-PSUserGroupRole -GroupId 2 -SmartRuleId 1 -Role Auditor -Replace",
        "Set-PSManagedAccountCredential -AccountId 1 -Password $Secret",
        "Set-PSManagedAccountCredential -AccountId 1 -Password $Secret -UpdateSystem $false",
        "Set-PSApiRegistration -RegistrationId 2 -MultiFactorAuthentication $false",
        "Set-PSApiRegistration -RegistrationId 4 -ClientCertificateRequired:$false",
        "Set-PSApiRegistration -RegistrationId 3 -UserPasswordRequired:$false -Name 'Password key, renamed'",
    };

    [Theory]
    [MemberData(nameof(HighImpactChanges))]
    public async Task HighImpact_AnsweredNo_ChangesNothing_TheQuestionNamesTheTargetAndTheChange(string command)
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator, interactive: true);
        var before = EmulatorStateSnapshot.Take(emulator.State);
        admin.Answer("No");

        var result = admin.Run(command).AssertSuccess();

        before.AssertUnchanged(emulator.State, command);
        var question = Assert.Single(admin.Host.UserInterface.Prompts);
        Assert.Contains("Confirm", question);
        Assert.Matches("(user group|managed account|API registration) [0-9]+", question);
        Assert.Empty(result.Output);
    }

    [Theory]
    [MemberData(nameof(HighImpactChanges))]
    public async Task HighImpact_InAHostThatCannotAsk_ChangesNothing_WithForce_ChangesWithoutAQuestion(string command)
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator, interactive: false);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        // The question was tried, and the host's refusal stopped the change.
        var refused = admin.Run(command);
        Assert.NotEmpty(refused.Errors);
        Assert.Single(admin.Host.UserInterface.Prompts);
        before.AssertUnchanged(emulator.State, command);

        var whatIf = admin.Run(command + " -Force -WhatIf").AssertSuccess();
        Assert.Contains(whatIf.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal));
        before.AssertUnchanged(emulator.State, command + " -Force -WhatIf");

        var asked = admin.Host.UserInterface.Prompts.Count;
        admin.Run(command + " -Force").AssertSuccess();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => before.AssertUnchanged(emulator.State, command + " -Force"));
        Assert.Equal(asked, admin.Host.UserInterface.Prompts.Count);
    }

    [Theory]
    [MemberData(nameof(HighImpactChanges))]
    public async Task HighImpact_ConfirmFalse_ChangesWithoutAQuestion_AnsweredYes_Changes(string command)
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator, interactive: true);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        admin.Run(command + " -Confirm:$false").AssertSuccess();

        Assert.Empty(admin.Host.UserInterface.Prompts);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => before.AssertUnchanged(emulator.State, command + " -Confirm:$false"));

        await using var second = await CheckoutEmulator.StartAsync();
        using var asked = AdminShell(second, interactive: true);
        var untouched = EmulatorStateSnapshot.Take(second.State);
        asked.Answer("Yes");
        asked.Run(command).AssertSuccess();
        Assert.Single(asked.Host.UserInterface.Prompts);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => untouched.AssertUnchanged(second.State, command));
    }

    [Fact]
    public async Task SetApiRegistration_MfaOff_TheQuestionSaysWhichCheckGoesOff()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator, interactive: true);

        var whatIf = admin.Run("Set-PSApiRegistration -RegistrationId 2 -MultiFactorAuthentication $false -WhatIf").AssertSuccess();
        admin.Answer("No");
        admin.Run("Set-PSApiRegistration -RegistrationId 2 -MultiFactorAuthentication $false").AssertSuccess();

        Assert.Contains(whatIf.HostWrites, l => l.Contains("API registration 2 (MFA key)") && l.Contains("turns off MultiFactorAuthentication"));
        Assert.Contains("turns off MultiFactorAuthentication", Assert.Single(admin.Host.UserInterface.Prompts));
        Assert.True(emulator.State.FindApiRegistration(2)!.MultiFactorAuthenticationEnforced);
    }

    [Theory]
    [InlineData("Set-PSApiRegistration -RegistrationId 1 -MultiFactorAuthentication $true")]
    [InlineData("Set-PSApiRegistration -RegistrationId 2 -Name 'MFA key, renamed'")]
    [InlineData("Set-PSApiRegistration -RegistrationId 1 -ClientCertificateRequired")]
    [InlineData("Set-PSApiRegistration -RegistrationId 1 -MultiFactorAuthentication $false -Name 'already off'")]
    public async Task SetApiRegistration_ChangeThatTurnsNoCheckOff_IsMedium_NoQuestion(string command)
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator, interactive: false);
        var before = EmulatorStateSnapshot.Take(emulator.State);

        admin.Run(command).AssertSuccess();

        Assert.Empty(admin.Host.UserInterface.Prompts);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => before.AssertUnchanged(emulator.State, command));
    }

    [Fact]
    public async Task SetApiRegistration_ChecksOffOnTwoPipedRegistrations_YesToAll_AsksOnce_ChangesBoth()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator, interactive: true);
        admin.Answer("Yes to All");

        admin.Run("Get-PSApiRegistration -RegistrationId 2, 4 | Set-PSApiRegistration -MultiFactorAuthentication $false -ClientCertificateRequired:$false")
            .AssertSuccess();

        Assert.Single(admin.Host.UserInterface.Prompts);
        Assert.False(emulator.State.FindApiRegistration(2)!.MultiFactorAuthenticationEnforced);
        Assert.False(emulator.State.FindApiRegistration(4)!.ClientCertificateRequired);
    }

    [Fact]
    public async Task SetApiRegistration_ConfirmPreferenceMedium_AsksOnce_NotTwice()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator, interactive: true);
        admin.Answer("Yes");

        admin.Run("$ConfirmPreference = 'Medium'; Set-PSApiRegistration -RegistrationId 2 -MultiFactorAuthentication $false").AssertSuccess();

        Assert.Single(admin.Host.UserInterface.Prompts);
        Assert.False(emulator.State.FindApiRegistration(2)!.MultiFactorAuthenticationEnforced);
    }

    [Theory]
    [InlineData("Grant-PSUserGroupRole")]
    [InlineData("Set-PSManagedAccountCredential")]
    public void DeclaredConfirmImpact_IsHigh_WithAForceSwitch(string cmdlet)
    {
        using var shell = PowerShellRunner.Start(interactive: false);
        var impact = (ConfirmImpact)shell.Run(
                $"(Get-Command {cmdlet}).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact")
            .AssertSuccess().SingleValue!;
        var force = shell.Run($"(Get-Command {cmdlet}).Parameters['Force'].ParameterType.Name").AssertSuccess().SingleValue;

        Assert.Equal(ConfirmImpact.High, impact);
        Assert.Equal("SwitchParameter", force);
    }

    /// <summary>The emulator's admin, signed in, with $Secret (a SecureString) for new passwords.</summary>
    private static PowerShellRunner AdminShell(CheckoutEmulator emulator, bool interactive)
    {
        var admin = emulator.NewRunner(interactive);
        emulator.Connect(admin, "admin");
        admin.SetVariable("Secret", EmulatorFixture.Secure("Confirm-Pa55-qW3eR7"));
        return admin;
    }
}
