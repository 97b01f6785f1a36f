using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// D1: a 404 carries the reason in its body, and the error must say what was not found. A call that names more than
/// its item (the workgroup an asset is created in, the user added to or removed from a group, the smart rule a role is
/// granted on) says which call failed and the server's reason, never that its item is missing while it exists; a name
/// that matches nobody is ObjectNotFound in Get-PSUser as in every other Get- cmdlet. Nothing changes.
/// </summary>
public sealed class AdminNotFoundTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public AdminNotFoundTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("New-PSAsset -WorkgroupName 'No such workgroup' -IPAddress 10.9.9.9 -AssetName 'nf-asset'",
        "Creating asset 'nf-asset' in workgroup 'No such workgroup' failed: Workgroup not found.")]
    [InlineData("New-PSManagedAccount -ManagedSystemId 999 -AccountName 'nf-account' -AutoManagement",
        "Creating managed account 'nf-account' on managed system 999 failed: Managed System not found.")]
    [InlineData("Remove-PSUserGroupMember -UserId 10 -GroupId 3 -Force",
        "Removing user 10 from user group 3 failed: User 10 is not a member of group 3.")]
    [InlineData("Add-PSUserGroupMember -UserId 999 -GroupId 3",
        "Adding user 999 to user group 3 failed: User not found.")]
    [InlineData("Grant-PSUserGroupRole -GroupId 3 -SmartRuleId 999 -Role Requestor -AccessPolicyId 1 -Force",
        "Setting the roles on smart rule 999 of user group 3 failed: Smart rule not found.")]
    [InlineData("Get-PSAsset -WorkgroupName 'Default Workgroup' -Name 'nf-asset'",
        "Asset 'nf-asset' in workgroup 'Default Workgroup' was not found (Asset not found).")]
    [InlineData("Remove-PSUserGroup -GroupId 999 -Force",
        "User group 999 was not found (User group not found).")]
    public void D1_404_SaysWhatTheServerDidNotFind_NotThatAnObjectThatExistsIsMissing(string command, string message)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run(command);

        Assert.Equal(message, result.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).Exception.Message);
        before.AssertUnchanged(emulator.State, command);
    }

    [Fact]
    public void GetPSUser_NameNobodyHas_ObjectNotFound_SoAPipedRemoveIsNoSilentSuccess()
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run("Get-PSUser -UserName 'nf-user' | Remove-PSUser -Force");

        var error = result.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("No user named 'nf-user' was found.", error.Exception.Message);
        Assert.Equal("nf-user", error.TargetObject);
        before.AssertUnchanged(emulator.State, "Get-PSUser -UserName 'nf-user' | Remove-PSUser -Force");
    }

    [Fact]
    public void GetPSUser_NameSomebodyHas_IsListedWithoutError()
    {
        using var admin = AdminShell();

        var result = admin.Run("Get-PSUser -UserName 'ci-bot'").AssertSuccess();

        Assert.Equal("ci-bot", Assert.Single(result.Output).Properties["UserName"].Value);
    }

    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        return admin;
    }
}
