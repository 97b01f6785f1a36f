using System.Linq;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Every state-changing admin cmdlet with -WhatIf changes nothing on the emulator (whole-state comparison), and the
/// ConfirmImpact.High ones run in a non-interactive host without -Confirm:$false/-Force delete or rotate nothing.
/// </summary>
public sealed class AdminWhatIfTests : IClassFixture<CheckoutEmulator>
{
    private const string AssetName = "whatif-asset";

    private readonly CheckoutEmulator emulator;

    public AdminWhatIfTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("New-PSApiRegistration -Name 'whatif' -IPRule '127.0.0.1' -WhatIf")]
    [InlineData("Set-PSApiRegistration -RegistrationId 1 -Name 'whatif' -MultiFactorAuthentication $true -WhatIf")]
    [InlineData("Remove-PSApiRegistration -RegistrationId 9 -WhatIf")]
    [InlineData("Remove-PSApiRegistration -RegistrationId 9 -Force -WhatIf")]
    [InlineData("Reset-PSApiRegistrationKey -RegistrationId 1 -WhatIf")]
    [InlineData("Reset-PSApiRegistrationKey -RegistrationId 1 -Force -WhatIf")]
    [InlineData("$WhatIfPreference = $true; Reset-PSApiRegistrationKey -RegistrationId 1 -Force")]
    [InlineData("New-PSUser -UserName 'whatif' -Password $Secret -WhatIf")]
    [InlineData("New-PSUser -UserName 'whatif-bot' -ApplicationUser -AccessPolicyId 20 -WhatIf")]
    [InlineData("New-PSUser -UserName 'whatif-ad' -ActiveDirectory -DomainName 'CONTOSO' -WhatIf")]
    [InlineData("Set-PSUser -UserId 2 -FirstName 'whatif' -Password $Secret -WhatIf")]
    [InlineData("Remove-PSUser -UserId 7 -WhatIf")]
    [InlineData("Reset-PSClientSecret -UserId 10 -WhatIf")]
    [InlineData("Reset-PSClientSecret -UserId 10 -Force -WhatIf")]
    [InlineData("New-PSUserGroup -Name 'whatif' -ApplicationRegistrationId 1 -WhatIf")]
    [InlineData("New-PSUserGroup -Name 'whatif-ldap' -Ldap -GroupDistinguishedName 'CN=w,DC=contoso,DC=test' -HostName 'ldap' -WhatIf")]
    [InlineData("Remove-PSUserGroup -GroupId 3 -WhatIf")]
    [InlineData("Add-PSUserGroupMember -GroupId 3 -UserId 2 -WhatIf")]
    [InlineData("Remove-PSUserGroupMember -GroupId 3 -UserId 7 -WhatIf")]
    [InlineData("Grant-PSUserGroupRole -GroupId 3 -SmartRuleId 1 -Role Requestor -AccessPolicyId 1 -WhatIf")]
    [InlineData("New-PSWorkgroup -Name 'whatif' -WhatIf")]
    [InlineData("New-PSAsset -WorkgroupName 'Default Workgroup' -IPAddress '10.9.9.9' -WhatIf")]
    [InlineData("Get-PSAsset -AssetId $AssetId | Set-PSAsset -Description 'whatif' -WhatIf")]
    [InlineData("Get-PSAsset -AssetId $AssetId | Remove-PSAsset -WhatIf")]
    [InlineData("New-PSManagedSystem -AssetId $AssetId -PlatformId 1 -WhatIf")]
    [InlineData("Set-PSManagedSystem -ManagedSystemId 1 -Description 'whatif' -WhatIf")]
    [InlineData("Remove-PSManagedSystem -ManagedSystemId 1 -WhatIf")]
    [InlineData("New-PSManagedAccount -ManagedSystemId 1 -AccountName 'whatif' -Password $Secret -WhatIf")]
    [InlineData("Get-PSManagedAccount -AccountId 1 | Set-PSManagedAccount -Description 'whatif' -WhatIf")]
    [InlineData("Get-PSManagedAccount -AccountId 1 | Remove-PSManagedAccount -WhatIf")]
    [InlineData("Set-PSManagedAccountCredential -AccountId 1 -Password $Secret -WhatIf")]
    [InlineData("Start-PSManagedAccountPasswordChange -AccountId 1 -WhatIf")]
    [InlineData("Start-PSManagedAccountPasswordChange -AccountId 1 -Queue -WhatIf")]
    [InlineData("New-PSQuickRule -Title 'whatif' -AccountId 1 -WhatIf")]
    [InlineData("New-PSAdminSession -HostName 'srv42' -SessionType SSH -Credential ([pscredential]::new('op', $Secret)) -WhatIf")]
    [InlineData("Grant-PSUserGroupPermission -GroupId 3 -Permission 'Asset Management' -AccessLevel 'Read Only' -WhatIf")]
    [InlineData("Grant-PSUserGroupPermission -GroupName 'Outsiders' -PermissionId 1, 4 -AccessLevel 'Full Control' -Replace -Force -WhatIf")]
    [InlineData("Block-PSUser -UserId 7 -WhatIf")]
    [InlineData("$WhatIfPreference = $true; Block-PSUser -UserName 'outsider' -Force")]
    public void WhatIf_ChangesNothingOnTheEmulator(string command)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run(command).AssertSuccess();

        Assert.Empty(result.Output);
        before.AssertUnchanged(emulator.State, command);
    }

    [Theory]
    [InlineData("Remove-PSApiRegistration -RegistrationId 9")]
    [InlineData("Reset-PSApiRegistrationKey -RegistrationId 1")]
    [InlineData("Remove-PSUser -UserId 7")]
    [InlineData("Reset-PSClientSecret -UserId 10")]
    [InlineData("Remove-PSUserGroup -GroupId 3")]
    [InlineData("Remove-PSUserGroupMember -GroupId 3 -UserId 7")]
    [InlineData("Remove-PSAsset -AssetId $AssetId")]
    [InlineData("Remove-PSManagedSystem -ManagedSystemId 1")]
    [InlineData("Remove-PSManagedAccount -AccountId 1")]
    [InlineData("Grant-PSUserGroupPermission -GroupId 3 -PermissionId 1 -AccessLevel 1")]
    [InlineData("Block-PSUser -UserId 7")]
    [InlineData("Grant-PSUserGroupRole -GroupId 3 -SmartRuleId 1 -Role Requestor -AccessPolicyId 1")]
    [InlineData("Grant-PSUserGroupRole -GroupId 3 -SmartRuleId 1 -Role Auditor -Replace")]
    [InlineData("Set-PSManagedAccountCredential -AccountId 1 -Password $Secret")]
    [InlineData("Set-PSApiRegistration -RegistrationId 2 -MultiFactorAuthentication $false")]
    public void HighImpact_WithoutConfirmOrForce_InANonInteractiveHost_ChangesNothing(string command)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run(command);

        Assert.Empty(result.Output);
        before.AssertUnchanged(emulator.State, command);
        Assert.NotNull(emulator.State.FindApiRegistration(9));
        Assert.NotNull(emulator.State.FindManagedSystem(1));
    }

    [Theory]
    [InlineData("Set-PSManagedSystem -ManagedSystemId 1 -Description 'control'")]
    [InlineData("Start-PSManagedAccountPasswordChange -AccountId 1")]
    [InlineData("Set-PSManagedAccountCredential -AccountId 1 -Password $Secret -UpdateSystem $false -Force")]
    [InlineData("Add-PSUserGroupMember -GroupId 3 -UserId 2")]
    [InlineData("Reset-PSClientSecret -UserId 11 -Force")]
    [InlineData("$null = New-PSAdminSession -HostName 'srv42' -SessionType SSH -Credential ([pscredential]::new('op', $Secret))")]
    [InlineData("Grant-PSUserGroupPermission -GroupId 2 -PermissionId 1 -AccessLevel 1 -Force")]
    [InlineData("$null = Block-PSUser -UserId 8 -Force")]
    public void WhatIf_Control_TheSameChangeWithoutWhatIf_IsSeenByTheComparison(string command)
    {
        // Proves the state comparison above is not blind: the real change is detected.
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        admin.Run(command).AssertSuccess();

        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => before.AssertUnchanged(emulator.State, command));
    }

    /// <summary>An admin shell with $Secret (a SecureString) and $AssetId (an asset made once for this class).</summary>
    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        admin.SetVariable("Secret", EmulatorFixture.Secure("WhatIf-Pa55-zX7cV1"));
        var asset = emulator.State.Assets.FirstOrDefault(a => a.AssetName == AssetName);
        if (asset == null)
        {
            admin.Run($"$null = New-PSAsset -WorkgroupName 'Default Workgroup' -IPAddress '10.9.9.10' -AssetName '{AssetName}'").AssertSuccess();
            asset = emulator.State.Assets.Single(a => a.AssetName == AssetName);
        }

        admin.SetVariable("AssetId", asset.AssetId);
        return admin;
    }
}
