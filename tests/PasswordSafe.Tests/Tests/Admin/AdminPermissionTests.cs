using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// A run-as user without the feature permission gets PermissionDenied (403 4031) from every family of admin
/// cmdlets, with the item as target, and nothing changes. "demo" is a requestor in the checkout seed, not an admin.
/// </summary>
public sealed class AdminPermissionTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public AdminPermissionTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("Get-PSApiRegistration")]
    [InlineData("New-PSApiRegistration -Name 'denied' -IPRule '127.0.0.1'")]
    [InlineData("Set-PSApiRegistration -RegistrationId 1 -Name 'denied'")]
    [InlineData("Remove-PSApiRegistration -RegistrationId 9 -Force")]
    [InlineData("Get-PSApiRegistrationKey -RegistrationId 1")]
    [InlineData("Reset-PSApiRegistrationKey -RegistrationId 1 -Force")]
    [InlineData("Get-PSUser")]
    [InlineData("New-PSUser -UserName 'denied-bot' -ApplicationUser -AccessPolicyId 20")]
    [InlineData("Remove-PSUser -UserId 7 -Force")]
    [InlineData("Reset-PSClientSecret -UserId 10 -Force")]
    [InlineData("Get-PSUserGroup")]
    [InlineData("New-PSUserGroup -Name 'denied'")]
    [InlineData("Add-PSUserGroupMember -GroupId 1 -UserId 2")]
    [InlineData("Get-PSRole")]
    [InlineData("Get-PSPermission")]
    [InlineData("Get-PSAccessLevel")]
    [InlineData("Get-PSUserGroupPermission -GroupId 10")]
    [InlineData("Grant-PSUserGroupPermission -GroupId 10 -PermissionId 4 -AccessLevel 1 -Force")]
    [InlineData("Revoke-PSUserGroupPermission -GroupId 10 -All -Force")]
    [InlineData("Block-PSUser -UserId 33 -Force")]
    [InlineData("Grant-PSUserGroupRole -GroupId 10 -SmartRuleId 1 -RoleId 1 -AccessPolicyId 1 -Force")]
    [InlineData("Get-PSWorkgroup")]
    [InlineData("New-PSWorkgroup -Name 'denied'")]
    [InlineData("Get-PSAsset -WorkgroupName 'Default Workgroup'")]
    [InlineData("Get-PSManagedSystem")]
    [InlineData("Remove-PSManagedSystem -ManagedSystemId 1 -Force")]
    [InlineData("Get-PSManagedAccount -AccountId 1")]
    [InlineData("Remove-PSManagedAccount -AccountId 1 -Force")]
    [InlineData("Start-PSManagedAccountPasswordChange -AccountId 1")]
    [InlineData("Test-PSManagedAccountCredential -AccountId 1")]
    [InlineData("Get-PSSmartRule")]
    [InlineData("Get-PSQuickRule")]
    [InlineData("New-PSQuickRule -Title 'denied' -AccountId 1")]
    [InlineData("Stop-PSRequest -ManagedAccountId 1 -Force")]
    [InlineData("Stop-PSRequest -UserId 2 -Force")]
    [InlineData("New-PSAdminSession -HostName 'srv42' -SessionType SSH -Credential ([pscredential]::new('op', [System.Net.NetworkCredential]::new('', 'Denied-Pa55-q1').SecurePassword))")]
    public void Permissions_NonAdministrator_PermissionDenied_NothingChanges(string command)
    {
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "demo");
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = shell.Run(command);

        var error = result.AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
        Assert.Contains("permission", error.ToString());
        Assert.Empty(result.Output);
        before.AssertUnchanged(emulator.State, command);
    }
}
