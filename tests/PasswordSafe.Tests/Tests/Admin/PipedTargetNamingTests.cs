using System;
using System.Linq;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// -WhatIf and confirmations of the admin cmdlets name a piped object as Stop-PSRequest and Stop-PSAccessSession do,
/// "managed system 1 (web01)", from the piped object itself: after the object is read, the -WhatIf call asks the server
/// nothing more. A typed id names nothing and reads nothing. The Set- cmdlets, which read the object anyway, use the same
/// form.
/// </summary>
public sealed class PipedTargetNamingTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public PipedTargetNamingTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("Get-PSManagedSystem -ManagedSystemId 1", "Remove-PSManagedSystem -WhatIf", "managed system 1 (web01)")]
    [InlineData("Get-PSManagedAccount -AccountId 1", "Remove-PSManagedAccount -WhatIf", "managed account 1 (Administrator)")]
    [InlineData("Get-PSUser -UserId 7", "Remove-PSUser -WhatIf", "user 7 (outsider)")]
    [InlineData("Get-PSUserGroup -GroupId 3", "Remove-PSUserGroup -WhatIf", "user group 3 (Outsiders)")]
    [InlineData("Get-PSApiRegistration -RegistrationId 9", "Remove-PSApiRegistration -WhatIf", "API registration 9 (Ungranted key)")]
    [InlineData("Get-PSApiRegistration -RegistrationId 1", "Reset-PSApiRegistrationKey -WhatIf", "API registration 1 (Plain key)")]
    [InlineData("Get-PSUser -UserId 10", "Reset-PSClientSecret -WhatIf", "user 10 (ci-bot)")]
    [InlineData("Get-PSManagedAccount -AccountId 1", "Set-PSManagedAccountCredential -WhatIf", "managed account 1 (Administrator)")]
    [InlineData("Get-PSManagedAccount -AccountId 1", "Start-PSManagedAccountPasswordChange -WhatIf", "managed account 1 (Administrator)")]
    [InlineData("Get-PSUserGroup -GroupId 3", "Add-PSUserGroupMember -UserId 2 -WhatIf", "user group 3 (Outsiders)")]
    [InlineData("Get-PSUser -UserId 7", "Remove-PSUserGroupMember -GroupId 3 -WhatIf", "Remove user 7 (outsider)")]
    [InlineData("Get-PSManagedSystem -ManagedSystemId 1", "New-PSManagedAccount -AccountName 'named-target' -Password $Secret -WhatIf", "managed system 1 (web01)")]
    [InlineData("Get-PSSmartRule -SmartRuleId 1", "Grant-PSUserGroupRole -GroupId 3 -Role Auditor -AccessPolicyId 1 -WhatIf", "smart rule 1 (Servers)")]
    public void PipedObject_WhatIfNamesIt_WithoutAnotherCall(string read, string change, string named)
    {
        using var admin = AdminShell();
        admin.Run("$piped = " + read).AssertSuccess();
        var mark = emulator.State.ApiCalls.Total;

        var result = admin.Run("$piped | " + change).AssertSuccess();

        Assert.Contains(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal));
        // Only the calls a -WhatIf grant makes anyway (the roles, and what the group holds): nothing is read for a name.
        Assert.DoesNotContain(emulator.State.ApiCalls.Since(mark), c => !c.Path.EndsWith("Roles", StringComparison.Ordinal) && !c.Path.EndsWith("/SmartRules", StringComparison.Ordinal));
    }

    [Fact]
    public void PipedGroup_GrantRole_NamesTheGroup()
    {
        using var admin = AdminShell();

        var result = admin.Run("Get-PSUserGroup -GroupId 3 | Grant-PSUserGroupRole -SmartRuleId 1 -Role Auditor -AccessPolicyId 1 -WhatIf").AssertSuccess();

        Assert.Contains(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("user group 3 (Outsiders)", StringComparison.Ordinal));
    }

    [Fact]
    public void PipedAsset_RemoveAndNewManagedSystem_NameTheAsset()
    {
        using var admin = AdminShell();
        var asset = admin.Run("$asset = @(Get-PSAsset -WorkgroupName 'Default Workgroup' -Name 'named-asset')[0]\n" +
            "if (-not $asset) { $asset = New-PSAsset -WorkgroupName 'Default Workgroup' -IPAddress '10.9.8.7' -AssetName 'named-asset' }\n" +
            "'{0} ({1})' -f $asset.AssetId, $asset").SingleValue as string;

        var removed = admin.Run("$asset | Remove-PSAsset -WhatIf").AssertSuccess();
        var created = admin.Run("$asset | New-PSManagedSystem -PlatformId 1 -WhatIf").AssertSuccess();

        Assert.Contains(removed.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("asset " + asset, StringComparison.Ordinal));
        Assert.Contains(created.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("asset " + asset, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Remove-PSManagedSystem -ManagedSystemId 1 -WhatIf", "managed system 1\"")]
    [InlineData("Remove-PSUser -UserId 7 -WhatIf", "user 7\"")]
    [InlineData("Set-PSManagedAccountCredential -AccountId 1 -WhatIf", "managed account 1\"")]
    public void TypedId_NamesTheNumberOnly_AndReadsNothing(string command, string target)
    {
        using var admin = AdminShell();
        var mark = emulator.State.ApiCalls.Total;

        var result = admin.Run(command).AssertSuccess();

        Assert.Contains(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains(target, StringComparison.Ordinal));
        Assert.Empty(emulator.State.ApiCalls.Since(mark));
    }

    [Theory]
    [InlineData("Get-PSManagedSystem -ManagedSystemId 1 | Set-PSManagedSystem -Description 'named' -WhatIf", "managed system 1 (web01)")]
    [InlineData("Get-PSUser -UserId 7 | Set-PSUser -FirstName 'Named' -WhatIf", "user 7 (outsider)")]
    [InlineData("Get-PSApiRegistration -RegistrationId 1 | Set-PSApiRegistration -Name 'named' -WhatIf", "API registration 1 (Plain key)")]
    public void SetCmdlets_NameTheObjectTheSameWay(string command, string named)
    {
        using var admin = AdminShell();

        var result = admin.Run(command).AssertSuccess();

        Assert.Contains(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal));
    }

    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        admin.SetVariable("Secret", EmulatorFixture.Secure("Named-Pa55-zX7cV1"));
        return admin;
    }
}
