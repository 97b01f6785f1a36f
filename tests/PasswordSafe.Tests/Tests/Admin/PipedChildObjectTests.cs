using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// An object that belongs to another one (a group's permission grant or roles, a request, a session, a test result)
/// carries its owner's id (GroupId, AccountId, UserId, AssetId) and used to bind it by property name: piped into a
/// Remove- cmdlet it removed the owner, once per object (the tester's repros: Get-PSUserGroupPermission | Remove-PSUserGroup
/// deleted the group; Get-PSRequest | Remove-PSManagedAccount and Get-PSAccessSession | Remove-PSUser offered to remove the
/// account and the caller). Each state-changing admin cmdlet now takes only the module objects it is meant for, plus rows,
/// and refuses the others with InputNotUsable before anything is sent, saying what the object is, what would have been
/// removed and what to pipe instead. Each test owns a checkout emulator: "admin" (default session) administers, "demo"
/// ($Demo, user 2, member of group 10) holds an RDP request on web01\Administrator (account 1) with a ticket.
/// </summary>
public sealed class PipedChildObjectTests : IAsyncLifetime
{
    private const string Helpdesk =
        "$Helpdesk = New-PSUserGroup -Name 'Helpdesk'\n" +
        "$Helpdesk | Grant-PSUserGroupPermission -Permission 'Asset Management', 'User Accounts Management' -AccessLevel 'Read Only' -Force\n" +
        "$Helpdesk | Grant-PSUserGroupRole -SmartRuleId 1 -Role Auditor -Force\n";

    private const string DemoSession =
        "$Mine = New-PSRequest web01 Administrator -AccessType RDP -Reason work -Session $Demo\n" +
        "$Ticket = $Mine | New-PSAccessSession -SessionType rdpticket\n";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void RemovePSUserGroup_PipedPermissionGrants_Refused_TheGroupIsNotDeleted_NoDeleteSent()
    {
        using var admin = AdminShell();
        admin.Run(Helpdesk).AssertSuccess();
        var id = GroupId(admin, "Helpdesk");
        var before = EmulatorStateSnapshot.Take(emulator.State);
        var mark = emulator.State.ApiCalls.Total;

        var result = admin.Run("Get-PSUserGroupPermission -GroupId $Helpdesk.GroupId | Remove-PSUserGroup -Force");

        // Before the fix: DELETE UserGroups/{id} (200) for the first grant, a second DELETE (404) for the other.
        Assert.Equal(2, result.Errors.Count);
        foreach (var error in result.Errors)
        {
            AssertInputNotUsable(error, "PasswordSafe.UserGroupPermission");
            var shown = ErrorText.Shown(error);
            Assert.Contains("is a permission a user group holds (Get-PSUserGroupPermission), not a user group", shown);
            Assert.Contains($"Remove-PSUserGroup would have taken its GroupId and removed user group {id} (Helpdesk)", shown);
            Assert.Contains("The object was skipped; nothing was sent.", shown);
            Assert.Contains("To take this permission away from its group, pipe it into Revoke-PSUserGroupPermission", error.ErrorDetails.RecommendedAction);
            Assert.Contains("Remove-PSUserGroup takes user groups (Get-PSUserGroup) and rows with a GroupId", error.ErrorDetails.RecommendedAction);
            Assert.Contains("-GroupId $_.GroupId", error.ErrorDetails.RecommendedAction);
        }

        Assert.Equal(new[] { "Asset Management (Read Only)", "User Accounts Management (Read Only)" },
            result.Errors.Select(e => e.TargetObject.ToString()).ToArray());
        Assert.DoesNotContain(emulator.State.ApiCalls.Since(mark), c => c.Method != "GET");
        Assert.NotNull(emulator.State.FindUserGroup(id));
        before.AssertUnchanged(emulator.State, "Get-PSUserGroupPermission | Remove-PSUserGroup -Force");
    }

    [Fact]
    public void RemovePSUserGroup_PipedRoleGrants_WhatIfOffersNothing_ForceRemovesNothing()
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        // Group 10 holds roles on several rules: before the fix -WhatIf offered to remove "user group 10" once per rule.
        var grants = (int)admin.Run("$Grants = @(Get-PSUserGroupRole -GroupId 10); $Grants.Count").AssertSuccess().SingleValue!;
        var whatIf = admin.Run("$Grants | Remove-PSUserGroup -WhatIf");
        var forced = admin.Run("$Grants | Remove-PSUserGroup -Force");

        Assert.True(grants >= 2);
        Assert.DoesNotContain(whatIf.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal));
        Assert.Equal(grants, whatIf.Errors.Count);
        Assert.Equal(grants, forced.Errors.Count);
        var error = forced.Errors[0];
        AssertInputNotUsable(error, "PasswordSafe.SmartRuleRoleGrant");
        Assert.Contains("is a user group's roles on a smart rule (Get-PSUserGroupRole), not a user group", error.Exception.Message);
        Assert.Contains("removed user group 10", error.Exception.Message);
        Assert.Contains("Revoke-PSUserGroupRole", error.ErrorDetails.RecommendedAction);
        Assert.NotNull(emulator.State.FindUserGroup(10));
        before.AssertUnchanged(emulator.State, "Get-PSUserGroupRole | Remove-PSUserGroup");
    }

    [Theory]
    [InlineData("Get-PSRequest -Session $Demo", "PasswordSafe.Request", "is a request (Get-PSRequest, New-PSRequest), not a managed account", "Complete-PSRequest")]
    [InlineData("$Ticket", "PasswordSafe.AccessSession", "is a session ticket (New-PSAccessSession, New-PSAdminSession), not a managed account", "Stop-PSAccessSession")]
    [InlineData("Get-PSAccessSession", "PasswordSafe.AccessSessionInfo", "is a session (Get-PSAccessSession), not a managed account", "Stop-PSAccessSession")]
    public void RemovePSManagedAccount_PipedRequestTicketOrSession_Refused_TheAccountStays(string source, string type, string what, string instead)
    {
        using var admin = AdminShell();
        admin.Run(DemoSession).AssertSuccess();
        var before = EmulatorStateSnapshot.Take(emulator.State);
        var mark = emulator.State.ApiCalls.Total;

        var whatIf = admin.Run($"{source} | Remove-PSManagedAccount -WhatIf -Session $Admin");
        var forced = admin.Run($"{source} | Remove-PSManagedAccount -Force -Session $Admin");

        // Before the fix: "Remove ... managed account 1", and with -Force DELETE ManagedAccounts/1.
        Assert.DoesNotContain(whatIf.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal));
        AssertInputNotUsable(Assert.Single(whatIf.Errors), type);
        var error = AssertInputNotUsable(Assert.Single(forced.Errors), type);
        var shown = ErrorText.Shown(error);
        Assert.Contains(what, shown);
        Assert.Contains("Remove-PSManagedAccount would have taken its AccountId and removed managed account 1", shown);
        Assert.Contains(instead, error.ErrorDetails.RecommendedAction);
        Assert.Contains("Remove-PSManagedAccount takes managed accounts (Get-PSManagedAccount) and rows with an AccountId", error.ErrorDetails.RecommendedAction);
        Assert.Contains("-AccountId $_.AccountId", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain(emulator.State.ApiCalls.Since(mark), c => c.Method != "GET");
        Assert.False(emulator.State.FindManagedAccount(1)!.Deleted);
        before.AssertUnchanged(emulator.State, source + " | Remove-PSManagedAccount");
    }

    [Fact]
    public void RemovePSUser_PipedSession_Refused_TheUserWhoOpenedItStays()
    {
        using var admin = AdminShell();
        admin.Run(DemoSession).AssertSuccess();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var whatIf = admin.Run("Get-PSAccessSession | Remove-PSUser -WhatIf");
        var forced = admin.Run("Get-PSAccessSession | Remove-PSUser -Force");

        Assert.DoesNotContain(whatIf.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal));
        var error = AssertInputNotUsable(Assert.Single(forced.Errors), "PasswordSafe.AccessSessionInfo");
        Assert.Contains("Remove-PSUser would have taken its UserId and removed user 2", error.Exception.Message);
        Assert.Contains("-UserId $_.UserId", error.ErrorDetails.RecommendedAction);
        Assert.NotNull(emulator.State.FindUser(2));
        before.AssertUnchanged(emulator.State, "Get-PSAccessSession | Remove-PSUser");
    }

    /// <summary>The other state-changing admin cmdlets whose ids the same objects carry: each refuses them, nothing changes.</summary>
    [Theory]
    [InlineData("Get-PSAccessSession", "Block-PSUser -Force", "PasswordSafe.AccessSessionInfo", "quarantined user 2")]
    [InlineData("Get-PSAccessSession", "Reset-PSClientSecret -Force", "PasswordSafe.AccessSessionInfo", "recycled the client secret of user 2")]
    [InlineData("Get-PSAccessSession", "Remove-PSUserGroupMember -GroupId 10 -Force", "PasswordSafe.AccessSessionInfo", "removed user 2 from user group 10")]
    [InlineData("Get-PSAccessSession", "Add-PSUserGroupMember -GroupId 1", "PasswordSafe.AccessSessionInfo", "added user 2 to user group 1")]
    [InlineData("Get-PSAccessSession", "Set-PSUser -FirstName 'Changed'", "PasswordSafe.AccessSessionInfo", "changed user 2")]
    [InlineData("Get-PSRequest -Session $Demo", "Start-PSManagedAccountPasswordChange", "PasswordSafe.Request", "changed the password of managed account 1")]
    [InlineData("Get-PSRequest -Session $Demo", "Set-PSManagedAccountCredential -Force", "PasswordSafe.Request", "set the credentials of managed account 1")]
    [InlineData("Get-PSRequest -Session $Demo", "Set-PSManagedAccount -Description 'changed'", "PasswordSafe.Request", "changed managed account 1")]
    [InlineData("$Ticket", "Set-PSManagedSystem -Description 'changed'", "PasswordSafe.AccessSession", "changed managed system 1")]
    [InlineData("Get-PSManagedAccount -AccountId 1", "Set-PSManagedSystem -Description 'changed'", "PasswordSafe.ManagedAccountSettings", "changed managed system 1")]
    [InlineData("Test-PSManagedAccountCredential -AccountId 2 -Detailed", "Remove-PSManagedAccount -Force", "PasswordSafe.CredentialTestResult", "removed managed account 2 (db01\\sa)")]
    [InlineData("Get-PSUserGroupRole -GroupId $Helpdesk.GroupId", "Revoke-PSUserGroupPermission -All -Force", "PasswordSafe.SmartRuleRoleGrant", "revoked permissions of user group")]
    [InlineData("Get-PSUserGroupRole -GroupId $Helpdesk.GroupId", "Grant-PSUserGroupPermission -Permission 'Asset Management' -AccessLevel 'Read/Write' -Force", "PasswordSafe.SmartRuleRoleGrant", "granted permissions to user group")]
    [InlineData("Get-PSUserGroupPermission -GroupId $Helpdesk.GroupId", "Revoke-PSUserGroupRole -SmartRuleId 1 -All -Force", "PasswordSafe.UserGroupPermission", "revoked roles of user group")]
    [InlineData("Get-PSManagedSystem -ManagedSystemId $LabSystem.ManagedSystemId", "Remove-PSAsset -Force", "PasswordSafe.ManagedSystem", "removed asset")]
    [InlineData("Get-PSManagedSystem -ManagedSystemId $LabSystem.ManagedSystemId", "Set-PSAsset -Description 'changed'", "PasswordSafe.ManagedSystem", "changed asset")]
    [InlineData("Get-PSApiRegistrationKey -RegistrationId 9 -Detailed", "Remove-PSApiRegistration -Force", "PasswordSafe.ApiRegistrationKey", "removed API registration 9 (Ungranted key)")]
    public void OtherCmdlets_RefuseObjectsTheyAreNotFor_NothingChanges(string source, string consumer, string type, string effect)
    {
        using var admin = AdminShell();
        admin.Run(DemoSession + Helpdesk +
                  "$LabAsset = New-PSAsset -WorkgroupName 'Default Workgroup' -IPAddress '10.9.8.21' -AssetName 'child-asset'\n" +
                  "$LabSystem = $LabAsset | New-PSManagedSystem -PlatformId 1").AssertSuccess();
        var before = EmulatorStateSnapshot.Take(emulator.State);
        var mark = emulator.State.ApiCalls.Total;

        var result = admin.Run($"{source} | {consumer}");

        var error = AssertInputNotUsable(result.Errors[0], type);
        Assert.All(result.Errors, e => AssertInputNotUsable(e, type));
        Assert.Contains(effect, error.Exception.Message);
        // Reads only (and the source's own credential test).
        Assert.DoesNotContain(emulator.State.ApiCalls.Since(mark), c => c.Method != "GET" && !c.Path.EndsWith("/Credentials/Test", StringComparison.Ordinal));
        before.AssertUnchanged(emulator.State, $"{source} | {consumer}");
    }

    [Fact]
    public void DeserializedChildObject_IsRefusedToo_ADeserializedGroupIsTaken()
    {
        using var admin = AdminShell();
        admin.Run(Helpdesk + "$Other = New-PSUserGroup -Name 'Stored'").AssertSuccess();
        var helpdesk = GroupId(admin, "Helpdesk");
        var stored = GroupId(admin, "Stored");

        // Export-Clixml/Import-Clixml, or a job's output: the same objects, deserialized.
        var grant = admin.Run(
            "$copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize(@(Get-PSUserGroupPermission -GroupId $Helpdesk.GroupId)[0]))\n" +
            "$copy | Remove-PSUserGroup -Force");
        var group = admin.Run(
            "$copy = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($Other))\n" +
            "$copy | Remove-PSUserGroup -Force").AssertSuccess();

        var error = AssertInputNotUsable(Assert.Single(grant.Errors), "Deserialized.PasswordSafe.UserGroupPermission");
        Assert.Contains($"removed user group {helpdesk}", error.Exception.Message);
        Assert.NotNull(emulator.State.FindUserGroup(helpdesk));
        Assert.Null(emulator.State.FindUserGroup(stored));
    }

    [Fact]
    public void LegitimatePipes_StillWork_GroupsRowsAndTheDocumentedSources()
    {
        using var admin = AdminShell();
        admin.Run(Helpdesk +
                  "$Piped = New-PSUserGroup -Name 'Piped'\n" +
                  "$Csv = New-PSUserGroup -Name 'From CSV'\n" +
                  "$Row = New-PSUserGroup -Name 'Row'").AssertSuccess();
        var csv = Path.Combine(Path.GetTempPath(), $"groups-{Guid.NewGuid():N}.csv");
        File.WriteAllText(csv, "GroupId,Name\n" + GroupId(admin, "From CSV") + ",From CSV\n");
        admin.SetVariable("GroupsCsv", csv);
        try
        {
            admin.Run("Get-PSUserGroup -Name 'Piped' | Remove-PSUserGroup -Force").AssertSuccess();
            admin.Run(CsvStandIn.ImportCsv + "Import-Csv -Path $GroupsCsv | Remove-PSUserGroup -Force").AssertSuccess();
            admin.Run("[pscustomobject]@{ GroupId = $Row.GroupId } | Remove-PSUserGroup -Force").AssertSuccess();
            admin.Run("Get-PSUser -UserName jdoe | Remove-PSUserGroupMember -GroupId 10 -Force").AssertSuccess();
            var removedMember = emulator.State.FindUserGroup(10)!.MemberIds.Contains(6);
            admin.Run("Get-PSUserGroup -GroupId 10 | Add-PSUserGroupMember -UserId 6").AssertSuccess();
            admin.Run("Get-PSUserGroupPermission -GroupName Helpdesk -Permission 'Asset*' | Revoke-PSUserGroupPermission -Force").AssertSuccess();
            var roles = admin.Run("$Helpdesk | Get-PSUserGroupRole | Revoke-PSUserGroupRole -All -WhatIf").AssertSuccess();
            admin.Run("Get-PSManagedAccount -AccountId 6 | Remove-PSManagedAccount -Force").AssertSuccess();

            Assert.DoesNotContain(emulator.State.UserGroups, g => g.Name is "Piped" or "From CSV" or "Row");
            Assert.False(removedMember);
            Assert.Contains(6, emulator.State.FindUserGroup(10)!.MemberIds);
            Assert.Equal(new[] { 4 }, emulator.State.UserGroups.Single(g => g.Name == "Helpdesk").Permissions.Select(p => p.PermissionID).ToArray());
            Assert.Contains(roles.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains("Revoke Auditor on smart rule 1", StringComparison.Ordinal));
            Assert.True(emulator.State.FindManagedAccount(6) is null or { Deleted: true });
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void MixedPipeline_OnlyTheChildObjectIsRefused_TheGroupsAroundItAreRemoved()
    {
        using var admin = AdminShell();
        admin.Run(Helpdesk + "$First = New-PSUserGroup -Name 'First'\n$Last = New-PSUserGroup -Name 'Last'").AssertSuccess();
        var helpdesk = GroupId(admin, "Helpdesk");

        var result = admin.Run("$First, @(Get-PSUserGroupPermission -GroupId $Helpdesk.GroupId)[0], $Last | Remove-PSUserGroup -Force");

        AssertInputNotUsable(Assert.Single(result.Errors), "PasswordSafe.UserGroupPermission");
        Assert.NotNull(emulator.State.FindUserGroup(helpdesk));
        Assert.DoesNotContain(emulator.State.UserGroups, g => g.Name is "First" or "Last");
    }

    [Theory]
    [InlineData("Test-PSManagedAccountCredential -AccountId 2 -Detailed", "Set-PSManagedAccountCredential -WhatIf", "managed account 2 (db01\\sa)")]
    [InlineData("Get-PSApiRegistrationKey -RegistrationId 1 -Detailed", "Reset-PSApiRegistrationKey -WhatIf", "API registration 1 (Plain key)")]
    public void AcceptedResultObjects_WhatIfNamesTheItemTheyCarry(string source, string consumer, string named)
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var result = admin.Run($"{source} | {consumer}").AssertSuccess();

        Assert.Contains(result.HostWrites, l => l.StartsWith("What if:", StringComparison.Ordinal) && l.Contains(named, StringComparison.Ordinal));
        before.AssertUnchanged(emulator.State, $"{source} | {consumer}");
    }

    private static ErrorRecord AssertInputNotUsable(ErrorRecord error, string type)
    {
        Assert.StartsWith("InputNotUsable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        var target = Assert.IsType<PSObject>(error.TargetObject);
        Assert.Equal(type, target.TypeNames[0]);
        return error;
    }

    private static int GroupId(PowerShellRunner admin, string name) =>
        (int)admin.Run($"(Get-PSUserGroup -Name '{name}').GroupId").AssertSuccess().SingleValue!;

    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "demo", sessionVariable: "Demo", makeDefault: false);
        emulator.Connect(admin, "admin", sessionVariable: "Admin");
        return admin;
    }
}
