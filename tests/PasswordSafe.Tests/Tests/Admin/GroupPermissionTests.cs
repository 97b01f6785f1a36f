using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// A user group's feature permissions (api-v3 §6.4): the catalogue and access levels, what a group holds, granting
/// (which keeps what the group holds: it is read first and sent along) and revoking (every permission is removed, then
/// the ones the group keeps are given back, the only way the API documents to take one away). Each test owns a checkout
/// emulator; "admin" is an administrator, "no-role" (group 13 "Signed in, no roles") signs in but may administer nothing.
/// </summary>
public sealed class GroupPermissionTests
{
    private const string NewGroup = "New-PSUserGroup -Name 'Helpdesk' | Out-Null\n";

    [Fact]
    public async Task Catalogue_PermissionsAndAccessLevels_ByNameWildcardOrId_UnknownOnesAreObjectNotFound()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);

        var all = admin.Run("Get-PSPermission | ForEach-Object { '{0} {1}' -f $_.GetType().FullName, $_.Name }").AssertSuccess();
        var matching = admin.Run("Get-PSPermission '*account*' | ForEach-Object { '{0} {1}' -f $_.PermissionId, $_.Name }").AssertSuccess();
        var byId = admin.Run("(Get-PSPermission -PermissionId 4).Name").AssertSuccess();
        var levels = admin.Run("Get-PSAccessLevel | ForEach-Object { '{0} {1}' -f $_.AccessLevelId, $_.Name }").AssertSuccess();
        var unknownName = admin.Run("Get-PSPermission 'User Acounts Management'");
        var unknownId = admin.Run("Get-PSPermission -PermissionId 4, 404 | ForEach-Object Name");

        Assert.Equal(Permissions.All.Select(p => "PasswordSafe.Permission " + p.Name), all.Output.Select(o => o.BaseObject));
        Assert.Equal(new object[] { "2 Password Safe Account Management", "4 User Accounts Management", "6 Smart Rule Management - Managed Account" },
            matching.Output.Select(o => o.BaseObject));
        Assert.Equal("User Accounts Management", byId.SingleValue);
        Assert.Equal(new object[] { "1 Read Only", "2 Read/Write" }, levels.Output.Select(o => o.BaseObject));
        Assert.Equal("User Acounts Management", unknownName.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).TargetObject);
        // One error for the id the server does not list; the other is written.
        Assert.Equal("User Accounts Management", unknownId.SingleValue);
        var error = unknownId.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(404, error.TargetObject);
        Assert.Contains("404", error.Exception.Message);
    }

    [Fact]
    public async Task Grant_AddsToWhatTheGroupHolds_WhatIfNamesGroupAndPermissions_ConsoleLevelNamesResolve()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "Grant-PSUserGroupPermission -GroupName 'helpdesk' -Permission 'Asset Management' -AccessLevel 'Full Control' -Force").AssertSuccess();
        var id = Group(emulator).GroupId;

        var whatIf = admin.Run("Get-PSUserGroup -Name Helpdesk | Grant-PSUserGroupPermission -Permission 'User Accounts Management' -AccessLevel 'Read Only' -WhatIf").AssertSuccess();
        var unchangedByWhatIf = Held(emulator);
        admin.Run("Get-PSUserGroup -Name Helpdesk | Grant-PSUserGroupPermission -Permission UserAccountsManagement -AccessLevel read -Force").AssertSuccess();
        var afterGrant = Held(emulator);
        var changes = Changes(emulator);
        var again = admin.Run($"Grant-PSUserGroupPermission -GroupId {id} -PermissionId 4 -AccessLevel 1 -Force -Verbose").AssertSuccess();
        var unchanged = Changes(emulator);
        var lower = admin.Run($"Grant-PSUserGroupPermission -GroupId {id} 'Asset Management' -AccessLevel 'Read Only' -WhatIf").AssertSuccess();

        Assert.Equal(new[] { new PermissionGrant(1, 2) }, unchangedByWhatIf);
        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if") && l.Contains($"user group {id} (Helpdesk)")
            && l.Contains("Grant 'User Accounts Management' (Read Only), keeping 'Asset Management' (Read/Write)"));
        Assert.Equal(new[] { new PermissionGrant(1, 2), new PermissionGrant(4, 1) }, afterGrant);
        // Granting what the group holds sends nothing.
        Assert.Contains(again.Verbose, l => l.Contains($"user group {id} already holds 'User Accounts Management' (Read Only): nothing to change."));
        Assert.Equal(changes, unchanged);
        Assert.Contains(lower.HostWrites, l => l.Contains("Grant 'Asset Management' (Read Only, was Read/Write), keeping 'User Accounts Management' (Read Only)"));
        Assert.Equal(new[] { new PermissionGrant(1, 2), new PermissionGrant(4, 1) }, Held(emulator));
    }

    [Fact]
    public async Task GetPSUserGroupPermission_NamesEachPermissionAndLevel_ByGroupIdNameWildcardOrPipe_FiltersByPermission()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "Grant-PSUserGroupPermission -GroupName Helpdesk -PermissionId 4, 1 -AccessLevel 'Read Only' -Force\n" +
                  "Grant-PSUserGroupPermission -GroupName Helpdesk -Permission 'Password Safe Account Management' -AccessLevel 'Full Control' -Force").AssertSuccess();
        var id = Group(emulator).GroupId;
        const string Line = "ForEach-Object { '{0} {1} {2} {3} {4} {5}' -f $_.GroupId, $_.GroupName, $_.PermissionId, $_.Name, $_.AccessLevelId, $_.AccessLevel }";

        var byName = admin.Run("Get-PSUserGroupPermission Helpdesk | " + Line).AssertSuccess();
        var byId = admin.Run($"Get-PSUserGroupPermission -GroupId {id} | " + Line).AssertSuccess();
        var piped = admin.Run("Get-PSUserGroup -Name Helpdesk | Get-PSUserGroupPermission -Permission '*account*' | " + Line).AssertSuccess();
        var wildcardGroup = admin.Run("@(Get-PSUserGroupPermission 'Help*' -Permission 'asset management').Count").AssertSuccess();
        var notHeld = admin.Run("@(Get-PSUserGroupPermission Helpdesk -Permission 'API Registrations').Count").AssertSuccess();
        var unknownGroup = admin.Run("Get-PSUserGroupPermission -GroupId 999");
        var unknownName = admin.Run("Get-PSUserGroupPermission -GroupName 'Nobody here'");
        var unknownPermission = admin.Run("Get-PSUserGroupPermission Helpdesk -Permission 'Asset Managment'");

        var expected = new object[]
        {
            $"{id} Helpdesk 1 Asset Management 1 Read Only",
            $"{id} Helpdesk 2 Password Safe Account Management 2 Read/Write",
            $"{id} Helpdesk 4 User Accounts Management 1 Read Only",
        };
        Assert.Equal(expected, byName.Output.Select(o => o.BaseObject));
        Assert.Equal(expected, byId.Output.Select(o => o.BaseObject));
        Assert.Equal(new[] { expected[1], expected[2] }, piped.Output.Select(o => o.BaseObject));
        Assert.Equal(1, wildcardGroup.SingleValue);
        // A listed permission the group does not hold is simply not there.
        Assert.Equal(0, notHeld.SingleValue);
        Assert.Empty(notHeld.Errors);
        var error = unknownGroup.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal(999, error.TargetObject);
        Assert.Contains("User group 999 was not found", error.Exception.Message);
        Assert.Equal("Nobody here", unknownName.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).TargetObject);
        var typo = unknownPermission.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("Asset Managment", typo.TargetObject);
        Assert.Empty(unknownPermission.Output);
    }

    [Fact]
    public async Task Revoke_TakesOnlyTheNamedPermissions_KeepsTheRest_AllRemovesEveryOne_NothingHeldSendsNothing()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "Grant-PSUserGroupPermission -GroupName Helpdesk -PermissionId 1, 4 -AccessLevel 'Read Only' -Force\n" +
                  "Grant-PSUserGroupPermission -GroupName Helpdesk -PermissionId 2 -AccessLevel 'Full Control' -Force").AssertSuccess();
        var id = Group(emulator).GroupId;

        var whatIf = admin.Run("Revoke-PSUserGroupPermission -GroupName Helpdesk -Permission 'Asset Management' -WhatIf").AssertSuccess();
        var unchangedByWhatIf = Held(emulator);
        var audit = AuditCursor.Mark(emulator.State);
        admin.Run("Revoke-PSUserGroupPermission -GroupName Helpdesk -Permission 'Asset Management', 'API Registrations' -Force -Verbose").AssertSuccess();
        var afterOne = Held(emulator);
        var revokeCalls = audit.NewEntries(AuditKinds.GroupPermissionsChanged).Select(e => e.Reason).ToList();
        var changes = Changes(emulator);
        var notHeld = admin.Run("Revoke-PSUserGroupPermission -GroupName Helpdesk -Permission 'Asset Management' -Force -Verbose").AssertSuccess();
        var unchanged = Changes(emulator);
        // The objects Get-PSUserGroupPermission writes bind by GroupId and PermissionId.
        admin.Run("Get-PSUserGroupPermission Helpdesk -Permission 'User*' | Revoke-PSUserGroupPermission -Force").AssertSuccess();
        var afterPiped = Held(emulator);
        var allWhatIf = admin.Run("Get-PSUserGroup Helpdesk | Revoke-PSUserGroupPermission -All -WhatIf").AssertSuccess();
        admin.Run("Get-PSUserGroup Helpdesk | Revoke-PSUserGroupPermission -All -Force").AssertSuccess();
        var none = admin.Run("Revoke-PSUserGroupPermission -GroupName Helpdesk -All -Force -Verbose").AssertSuccess();

        Assert.Contains(whatIf.HostWrites, l => l.Contains("What if") && l.Contains($"user group {id} (Helpdesk)")
            && l.Contains("Revoke 'Asset Management' (Read Only), keeping 'Password Safe Account Management' (Read/Write), 'User Accounts Management' (Read Only)"));
        Assert.Equal(3, unchangedByWhatIf.Length);
        Assert.Equal(new[] { new PermissionGrant(2, 2), new PermissionGrant(4, 1) }, afterOne);
        // Removed all, then the two kept given back.
        Assert.Equal(2, revokeCalls.Count);
        Assert.Contains("permissions removed", revokeCalls[0]);
        Assert.EndsWith("permissions set: Password Safe Account Management = Read/Write, User Accounts Management = Read Only", revokeCalls[1]);
        Assert.Contains(notHeld.Verbose, l => l.Contains($"user group {id} (Helpdesk) holds none of 'Asset Management': nothing to revoke."));
        Assert.Equal(changes, unchanged);
        Assert.Equal(new[] { new PermissionGrant(2, 2) }, afterPiped);
        Assert.Contains(allWhatIf.HostWrites, l => l.Contains("What if") && l.Contains("Revoke 'Password Safe Account Management' (Read/Write)"));
        Assert.Empty(Held(emulator));
        Assert.Contains(none.Verbose, l => l.Contains("holds no permission: nothing to revoke."));
    }

    [Fact]
    public async Task GrantReplace_LeavesOnlyTheGivenPermissions_AndCopyingAGroupsPermissionsKeepsTheirLevels()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "New-PSUserGroup -Name 'Helpdesk 2' | Out-Null\n" +
                  "Grant-PSUserGroupPermission -GroupName Helpdesk -PermissionId 1, 4 -AccessLevel 'Read Only' -Force\n" +
                  "Grant-PSUserGroupPermission -GroupName Helpdesk -PermissionId 2 -AccessLevel 'Full Control' -Force").AssertSuccess();

        admin.Run("Get-PSUserGroupPermission Helpdesk | Grant-PSUserGroupPermission -GroupName 'Helpdesk 2' -Force").AssertSuccess();
        var copied = Held(emulator, "Helpdesk 2");
        var whatIf = admin.Run("Grant-PSUserGroupPermission -GroupName Helpdesk -Permission 'API Registrations' -AccessLevel 'Read Only' -Replace -WhatIf").AssertSuccess();
        admin.Run("Grant-PSUserGroupPermission -GroupName Helpdesk -Permission 'API Registrations' -AccessLevel 'Read Only' -Replace -Force").AssertSuccess();

        Assert.Equal(new[] { new PermissionGrant(1, 1), new PermissionGrant(2, 2), new PermissionGrant(4, 1) }, copied);
        Assert.Contains(whatIf.HostWrites, l => l.Contains("Grant 'API Registrations' (Read Only), removing 'Asset Management' (Read Only), " +
                                                           "'Password Safe Account Management' (Read/Write), 'User Accounts Management' (Read Only)"));
        Assert.Equal(new[] { new PermissionGrant(5, 1) }, Held(emulator));
    }

    [Fact]
    public async Task Enforced_GrantingUserAccountsManagement_LetsAMemberCreateUsers_RevokingStopsIt_InTheSameSession()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        using var member = emulator.NewRunner(interactive: false);
        emulator.Connect(member, "no-role");
        const string CreateUser = "New-PSUser -UserName '{0}' -FirstName 'New' -LastName 'Hire' -EmailAddress '{0}@example.test' " +
                                  "-Password ([System.Net.NetworkCredential]::new('', 'New-Hire-Passw0rd!').SecurePassword) | ForEach-Object UserName";

        var before = member.Run(string.Format(CreateUser, "hire1"));
        admin.Run("Grant-PSUserGroupPermission -GroupName 'Signed in, no roles' -Permission 'User Accounts Management' -AccessLevel 'Read Only' -Force").AssertSuccess();
        var readOnlyReads = member.Run("@(Get-PSUser -UserName 'no-role').Count").AssertSuccess();
        var readOnlyCreates = member.Run(string.Format(CreateUser, "hire2"));
        admin.Run("Grant-PSUserGroupPermission -GroupName 'Signed in, no roles' -Permission 'User Accounts Management' -AccessLevel 'Full Control' -Force").AssertSuccess();
        var fullControl = member.Run(string.Format(CreateUser, "hire3")).AssertSuccess();
        admin.Run("Revoke-PSUserGroupPermission -GroupName 'Signed in, no roles' -Permission 'User Accounts Management' -Force").AssertSuccess();
        var revoked = member.Run(string.Format(CreateUser, "hire4"));

        foreach (var denied in new[] { before, readOnlyCreates, revoked })
        {
            var error = denied.AssertError("PermissionDenied", ErrorCategory.PermissionDenied);
            Assert.Contains("'User Accounts Management'", error.ErrorDetails.RecommendedAction);
        }

        Assert.Equal(1, readOnlyReads.SingleValue);
        Assert.Equal("hire3", fullControl.SingleValue);
        Assert.Equal(new[] { "hire3" }, emulator.State.Users.Where(u => u.UserName.StartsWith("hire")).Select(u => u.UserName));
    }

    [Fact]
    public async Task Errors_UnknownPermissionOrGroup_ObjectNotFound_BadLevel_ValidationFailed_AdministratorsGroupRefused_NothingChanges()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup).AssertSuccess();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var typo = admin.Run("Grant-PSUserGroupPermission -GroupName Helpdesk -Permission 'User Acounts Management', 'Asset Management' -AccessLevel 'Read Only' -Force");
        var unknownId = admin.Run("Revoke-PSUserGroupPermission -GroupName Helpdesk -PermissionId 77 -Force");
        var unknownGroup = admin.Run("Grant-PSUserGroupPermission -GroupName 'No such group' -Permission 'Asset Management' -AccessLevel 'Read Only' -Force");
        var unknownGroupId = admin.Run("Grant-PSUserGroupPermission -GroupId 999 -Permission 'Asset Management' -AccessLevel 'Read Only' -Force");
        var badLevel = admin.Run("Grant-PSUserGroupPermission -GroupName Helpdesk -Permission 'Asset Management' -AccessLevel 'Admin' -Force");
        var administrators = admin.Run("Grant-PSUserGroupPermission -GroupName Administrators -Permission 'Asset Management' -AccessLevel 'Read Only' -Force");

        var misspelt = typo.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("User Acounts Management", misspelt.TargetObject);
        Assert.Contains("'User Acounts Management'", misspelt.Exception.Message);
        Assert.Equal(77, unknownId.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).TargetObject);
        var noGroup = unknownGroup.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("No such group", noGroup.TargetObject);
        Assert.Contains("'No such group'", noGroup.Exception.Message);
        Assert.Equal(999, unknownGroupId.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).TargetObject);
        var level = badLevel.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Equal("Admin", level.TargetObject);
        Assert.Contains("'Read Only' (1), 'Read/Write' (2)", level.ErrorDetails.RecommendedAction);
        var fixedSet = administrators.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("cannot be changed", fixedSet.Exception.Message);
        before.AssertUnchanged(emulator.State, "permission errors");
    }

    [Fact]
    public async Task GrantAndRevoke_AreConfirmImpactHigh_UnconfirmedInAHostThatCannotAsk_NothingChanges()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(NewGroup + "Grant-PSUserGroupPermission -GroupName Helpdesk -PermissionId 1 -AccessLevel 'Read Only' -Force").AssertSuccess();

        var grant = admin.Run("Grant-PSUserGroupPermission -GroupName Helpdesk -PermissionId 4 -AccessLevel 'Read Only'");
        var revoke = admin.Run("Revoke-PSUserGroupPermission -GroupName Helpdesk -All");

        Assert.NotEmpty(grant.Errors);
        Assert.NotEmpty(revoke.Errors);
        Assert.Equal(new[] { new PermissionGrant(1, 1) }, Held(emulator));
        Assert.Equal(ConfirmImpact.High, CommandConfirmImpact(admin, "Grant-PSUserGroupPermission"));
        Assert.Equal(ConfirmImpact.High, CommandConfirmImpact(admin, "Revoke-PSUserGroupPermission"));
    }

    [Fact]
    public async Task TabCompletion_OffersTheServersPermissionsAndLevels_AndTheConsolesLevelNames()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        using var notSignedIn = emulator.NewRunner(interactive: false);

        var levels = Complete(admin, "Grant-PSUserGroupPermission -GroupId 1 -Permission x -AccessLevel ");
        var fullControl = Complete(admin, "Grant-PSUserGroupPermission -GroupId 1 -Permission x -AccessLevel fu");
        var offline = Complete(notSignedIn, "Grant-PSUserGroupPermission -GroupId 1 -Permission x -AccessLevel ");
        var byStart = Complete(admin, "Revoke-PSUserGroupPermission -GroupId 1 -Permission user");
        var byWord = Complete(admin, "Get-PSUserGroupPermission -GroupId 1 -Permission quarantine");
        var catalogue = Complete(admin, "Get-PSPermission Asset");
        var group = Complete(admin, "Grant-PSUserGroupPermission -GroupName Out");
        var levelByName = Complete(admin, "Get-PSAccessLevel Read");

        Assert.Equal(new[] { "'Read Only'", "Read/Write" }, levels);
        Assert.Equal(new[] { "'Full Control'" }, fullControl);
        Assert.Equal(new[] { "'Full Control'", "'Read Only'" }, offline);
        Assert.Equal(new[] { "'User Accounts Management'" }, byStart);
        Assert.Equal(new[] { "'Password Safe API Global Quarantine'" }, byWord);
        Assert.Equal(new[] { "'Asset Management'" }, catalogue);
        Assert.Equal(new[] { "Outsiders" }, group);
        Assert.Equal(new[] { "'Read Only'", "Read/Write" }, levelByName);
        // What Tab offers is taken as typed.
        var whatIf = admin.Run("Grant-PSUserGroupPermission -GroupId 13 -Permission 'User Accounts Management' -AccessLevel 'Full Control' -WhatIf").AssertSuccess();
        Assert.Contains(whatIf.HostWrites, l => l.Contains("Grant 'User Accounts Management' (Read/Write)"));
    }

    private static string[] Complete(PowerShellRunner shell, string line) =>
        shell.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
            .AssertSuccess().Output.Select(o => o.ToString()!).ToArray();

    private static PasswordSafe.Emulator.UserGroup Group(CheckoutEmulator emulator, string name = "Helpdesk") =>
        emulator.State.UserGroups.Single(g => g.Name == name);

    private static PermissionGrant[] Held(CheckoutEmulator emulator, string name = "Helpdesk") =>
        Group(emulator, name).Permissions.ToArray();

    private static int Changes(CheckoutEmulator emulator) =>
        emulator.State.Audit.Count(e => e.Kind == AuditKinds.GroupPermissionsChanged);

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
