using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// A group's roles on a smart rule (E5's last step, api-v3 §6.4): the server replaces the whole set on every POST, so
/// Grant-PSUserGroupRole adds to what the group holds (read first), Revoke-PSUserGroupRole takes away only what it names,
/// and Get-PSUserGroupRole shows the result. Each test owns a checkout emulator and a new group on smart rule 1.
/// </summary>
public sealed class GroupRoleTests
{
    private const string NewGroup = "$g = New-PSUserGroup -Name 'Role keepers'\n";

    [Fact]
    public async Task E5_Grant_AddsToTheRolesHeld_KeepingThemAndTheAccessPolicy()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Requestor -AccessPolicyId 1 -Force").AssertSuccess();

        var whatIf = admin.Run("$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Auditor -WhatIf").AssertSuccess();
        var unchangedByWhatIf = Grant(emulator, "Role keepers");
        admin.Run("$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Auditor, ISA -Force").AssertSuccess();
        var changes = emulator.State.Audit.Count(e => e.Kind == AuditKinds.GroupRolesChanged);
        var again = admin.Run("$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role auditor -Verbose -Force").AssertSuccess();

        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if") && l.Contains("Grant Auditor on smart rule 1, keeping Requestor"));
        Assert.Equal(SmartRuleRoles.Requestor, unchangedByWhatIf.Roles);
        var grant = Grant(emulator, "Role keepers");
        Assert.Equal(SmartRuleRoles.Requestor | SmartRuleRoles.Auditor | SmartRuleRoles.ISA, grant.Roles);
        Assert.Equal(1, grant.AccessPolicyId);
        // Granting what the group holds sends nothing.
        Assert.Contains(again.Verbose, l => l.Contains("already holds Auditor on smart rule 1"));
        Assert.Equal(changes, emulator.State.Audit.Count(e => e.Kind == AuditKinds.GroupRolesChanged));
    }

    [Fact]
    public async Task E5_GetPSUserGroupRole_ShowsEachRuleWithItsRolesAndPolicy_UnknownGroupIsObjectNotFound()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run(NewGroup +
            "$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Requestor, 'Information Systems Administrator (ISA)' -AccessPolicyId 1 -Force\n" +
            "$g | Grant-PSUserGroupRole -SmartRuleId 2 -Role Auditor -Force\n" +
            "$all = @($g | Get-PSUserGroupRole)\n" +
            "$all | ForEach-Object { '{0} {1} [{2}] {3}' -f $_.GroupId, $_.SmartRuleId, $_.RoleNames, $_.AccessPolicyId }\n" +
            "@(Get-PSUserGroupRole -GroupId $g.GroupId -SmartRuleId 2).Count").AssertSuccess();
        var unknown = admin.Run("Get-PSUserGroupRole -GroupId 999");

        var groupId = emulator.State.UserGroups.Single(g => g.Name == "Role keepers").GroupId;
        Assert.Equal(new object[]
        {
            $"{groupId} 1 [Requestor, Information Systems Administrator (ISA)] 1",
            $"{groupId} 2 [Auditor] ",
            1,
        }, result.Output.Select(o => o.BaseObject));
        var error = unknown.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(999, error.TargetObject);
    }

    [Fact]
    public async Task E5_Revoke_TakesOnlyTheNamedRoles_AllRemovesTheGroupFromTheRule_NothingHeldSendsNothing()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Requestor, Auditor -AccessPolicyId 1 -Force").AssertSuccess();

        admin.Run("$g | Revoke-PSUserGroupRole -SmartRuleId 1 -Role Auditor -Force").AssertSuccess();
        var afterOne = Grant(emulator, "Role keepers");
        var changes = emulator.State.Audit.Count(e => e.Kind == AuditKinds.GroupRolesChanged);
        var notHeld = admin.Run("$g | Revoke-PSUserGroupRole -SmartRuleId 1 -Role Approver -Force -Verbose").AssertSuccess();
        var unchanged = emulator.State.Audit.Count(e => e.Kind == AuditKinds.GroupRolesChanged);
        var whatIf = admin.Run("$g | Get-PSUserGroupRole | Revoke-PSUserGroupRole -All -WhatIf").AssertSuccess();
        admin.Run("$g | Get-PSUserGroupRole | Revoke-PSUserGroupRole -All -Force").AssertSuccess();
        var left = admin.Run("@($g | Get-PSUserGroupRole).Count").AssertSuccess();

        Assert.Equal(SmartRuleRoles.Requestor, afterOne.Roles);
        Assert.Equal(1, afterOne.AccessPolicyId);
        Assert.Contains(notHeld.Verbose, l => l.Contains("holds none of these roles on smart rule 1: nothing to revoke"));
        Assert.Equal(changes, unchanged);
        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if") && l.Contains("Revoke Requestor on smart rule 1"));
        Assert.Equal(0, left.SingleValue);
        Assert.Empty(emulator.State.UserGroups.Single(g => g.Name == "Role keepers").SmartRuleAccess);
    }

    [Fact]
    public async Task E5_GrantReplace_SetsExactlyTheRolesGiven_AndRevokeAsksFirst()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Requestor, Auditor -AccessPolicyId 1 -Force").AssertSuccess();

        admin.Run("$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Approver -Replace -Force").AssertSuccess();
        // Revoking is ConfirmImpact High: without -Force a host that cannot ask refuses, and nothing changes.
        var unconfirmed = admin.Run("$g | Revoke-PSUserGroupRole -SmartRuleId 1 -All");

        Assert.Equal(SmartRuleRoles.Approver, Grant(emulator, "Role keepers").Roles);
        Assert.NotEmpty(unconfirmed.Errors);
        Assert.Equal(SmartRuleRoles.Approver, Grant(emulator, "Role keepers").Roles);
        Assert.Equal(ConfirmImpact.High, CommandConfirmImpact(admin, "Revoke-PSUserGroupRole"));
    }

    [Fact]
    public async Task E5_AGroupsRoleGrantsPiped_CopyToAnotherGroupWithTheirAccessPolicies_AndRevokeThemThere()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup +
            "$g | Grant-PSUserGroupRole -SmartRuleId 1 -Role Requestor, Auditor -AccessPolicyId 1 -Force\n" +
            "$g | Grant-PSUserGroupRole -SmartRuleId 2 -Role ISA -Force\n" +
            "$copy = New-PSUserGroup -Name 'Role copies'").AssertSuccess();

        // Before: PowerShell asked for -Role (the grant's property is Roles), and the access policy was not taken.
        admin.Run("Get-PSUserGroupRole -GroupId $g.GroupId | Grant-PSUserGroupRole -GroupId $copy.GroupId -Force").AssertSuccess();

        var copies = emulator.State.UserGroups.Single(g => g.Name == "Role copies").SmartRuleAccess.OrderBy(a => a.SmartRuleId).ToList();
        Assert.Equal(new[] { 1, 2 }, copies.Select(a => a.SmartRuleId));
        Assert.Equal(SmartRuleRoles.Requestor | SmartRuleRoles.Auditor, copies[0].Roles);
        Assert.Equal(1, copies[0].AccessPolicyId);
        Assert.Equal(SmartRuleRoles.ISA, copies[1].Roles);

        admin.Run("Get-PSUserGroupRole -GroupId $copy.GroupId -SmartRuleId 1 | Revoke-PSUserGroupRole -Force").AssertSuccess();

        Assert.Equal(new[] { 2 }, emulator.State.UserGroups.Single(g => g.Name == "Role copies").SmartRuleAccess.Select(a => a.SmartRuleId));
        // The group copied from keeps what it holds.
        Assert.Equal(2, emulator.State.UserGroups.Single(g => g.Name == "Role keepers").SmartRuleAccess.Count);
    }

    private static SmartRuleGrant Grant(CheckoutEmulator emulator, string group) =>
        Assert.Single(emulator.State.UserGroups.Single(g => g.Name == group).SmartRuleAccess, a => a.SmartRuleId == 1);

    private static ConfirmImpact CommandConfirmImpact(PowerShellRunner shell, string name) =>
        (ConfirmImpact)shell.Run($"(Get-Command {name}).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact")
            .AssertSuccess().SingleValue!;

    private static PowerShellRunner AdminShell(CheckoutEmulator emulator)
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        return admin;
    }
}
