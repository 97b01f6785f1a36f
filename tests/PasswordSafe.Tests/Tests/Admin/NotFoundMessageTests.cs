using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// A 404 from a call that names two objects (a user and a group, a group and a rule, an asset and a workgroup) says which
/// one the server did not find, instead of blaming the first one the call names.
/// </summary>
public sealed class NotFoundMessageTests
{
    [Theory]
    [InlineData("Add-PSUserGroupMember -UserId 999 -GroupId $g.GroupId", "Adding user 999 to user group {0} failed: User not found.")]
    [InlineData("Grant-PSUserGroupRole -GroupId $g.GroupId -SmartRuleId 999 -Role Auditor -Replace", "on smart rule 999 of user group {0} failed: Smart rule not found.")]
    [InlineData("Remove-PSUserGroupMember -UserId 1 -GroupId $g.GroupId -Force", "Removing user 1 from user group {0} failed: ")]
    public async Task E5_404_SaysWhatTheServerDidNotFind_NotJustTheFirstObjectNamed(string script, string expected)
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        admin.Run("$g = New-PSUserGroup -Name 'Not found checks'").AssertSuccess();
        var groupId = admin.Run("$g.GroupId").AssertSuccess().SingleValue;

        var error = admin.Run(script).AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);

        var shown = ErrorText.Shown(error);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, groupId), shown);
        Assert.DoesNotContain($"user group {groupId} was not found", shown);
    }
}
