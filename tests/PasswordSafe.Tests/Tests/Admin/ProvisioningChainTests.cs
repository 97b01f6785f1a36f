using System;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

using PasswordSafe.Emulator;

/// <summary>
/// E5: the provisioning chain as one pipeline-friendly script, checked out by a member of the new group; Get- objects
/// feeding Set-/Remove- by property name; the credential cmdlets' effects (§4.2). Each test owns a checkout emulator.
/// </summary>
public sealed class ProvisioningChainTests
{
    /// <summary>Workgroup → asset → system → account → quick rule → groups (BeyondInsight, AD, LDAP) → role, each step piped.</summary>
    internal const string ChainScript =
        "$wg = New-PSWorkgroup -Name 'E5 Workgroup'\n" +
        "$asset = $wg | New-PSAsset -IPAddress '10.9.0.5' -AssetName 'e5-web' -OperatingSystem 'Windows Server 2022'\n" +
        "$system = $asset | New-PSManagedSystem -PlatformId 1 -ReleaseDuration 60 -MaxReleaseDuration 120\n" +
        "$account = $system | New-PSManagedAccount -AccountName 'svc-e5' -Password $AccountPassword -ApiEnabled\n" +
        "$rule = $account | New-PSQuickRule -Title 'E5 accounts'\n" +
        "$operator = New-PSUser -UserName 'e5-operator' -Password $OperatorPassword -FirstName 'Eve' -LastName 'Five'\n" +
        "$group = New-PSUserGroup -Name 'E5 operators' -ApplicationRegistrationId 1\n" +
        "$group | Add-PSUserGroupMember -UserId $operator.UserId\n" +
        "$group | Grant-PSUserGroupRole -SmartRuleId $rule.SmartRuleId -Role Requestor -AccessPolicyId 1 -Force\n" +
        "$ad = New-PSUserGroup -Name 'E5 AD operators' -ActiveDirectory -DomainName 'CONTOSO' -ApplicationRegistrationId 1\n" +
        "$ldap = New-PSUserGroup -Name 'E5 LDAP auditors' -Ldap -GroupDistinguishedName 'CN=e5,OU=Groups,DC=contoso,DC=test' -HostName 'ldap.contoso.test'\n" +
        "$ad | Grant-PSUserGroupRole -SmartRuleId $rule.SmartRuleId -Role 'RequestorApprover' -AccessPolicyId 1 -Force\n" +
        "$ldap | Grant-PSUserGroupRole -SmartRuleId $rule.SmartRuleId -Role Auditor -Force\n";

    internal const string AccountPassword = "E5-Acct-Pa55-vN8qK3";
    internal const string OperatorPassword = "E5-Oper-Pa55-rT5wP2";

    [Fact]
    public async Task E5_WholeChain_OneScript_ThenTheGroupMemberChecksOutTheNewAccount()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);

        var result = admin.Run(ChainScript + "$wg, $asset, $system, $account, $rule, $operator, $group, $ad, $ldap").AssertSuccess();

        var ids = result.Output.Select(o => o.Properties.First(p => p.Name.EndsWith("Id", StringComparison.Ordinal)).Value).ToArray();
        var asset = emulator.State.FindAsset((int)ids[1]!)!;
        Assert.Equal("e5-web", asset.AssetName);
        Assert.Equal("E5 Workgroup", emulator.State.Workgroups.Single(w => w.Id == asset.WorkgroupId).Name);
        var system = emulator.State.FindManagedSystem((int)ids[2]!)!;
        Assert.Equal(asset.AssetId, system.AssetId);
        var account = emulator.State.FindManagedAccount((int)ids[3]!)!;
        Assert.Equal(system.ManagedSystemId, account.System.ManagedSystemId);
        Assert.True(account.ApiEnabled);
        var rule = emulator.State.SmartRules.Single(r => r.SmartRuleId == (int)ids[4]!);
        Assert.True(rule.IsQuickRule);
        Assert.Equal(new[] { account.ManagedAccountId }, rule.AccountIds.ToArray());
        var groups = emulator.State.UserGroups.Where(g => g.Name.StartsWith("E5 ", StringComparison.Ordinal)).ToDictionary(g => g.Name);
        Assert.Equal(new[] { "BeyondInsight", "ActiveDirectory", "LDAP" },
            new[] { "E5 operators", "E5 AD operators", "E5 LDAP auditors" }.Select(n => groups[n].GroupType).ToArray());
        Assert.Contains((int)ids[5]!, groups["E5 operators"].MemberIds);
        Assert.Equal(SmartRuleRoles.Requestor, Assert.Single(groups["E5 operators"].SmartRuleAccess).Roles);
        Assert.Equal(1, groups["E5 AD operators"].SmartRuleAccess.Single().AccessPolicyId);
        Assert.Equal(rule.SmartRuleId, groups["E5 LDAP auditors"].SmartRuleAccess.Single().SmartRuleId);

        using var operatorShell = emulator.NewRunner(interactive: false);
        emulator.Connect(operatorShell, "e5-operator");
        var checkout = operatorShell.Run(
            "$found = Get-PSManagedAccount -SystemName 'e5-web' -AccountName 'svc-e5'\n" +
            "$request = $found | New-PSRequest -Reason 'E5 runbook' -DurationMinutes 30\n" +
            "($request | Get-PSCredential).GetNetworkCredential().Password\n" +
            "$request | Complete-PSRequest -Reason 'done'\n" +
            "$found.AccountId").AssertSuccess();

        Assert.Equal(AccountPassword, checkout.Output[0].BaseObject);
        Assert.Equal(account.ManagedAccountId, checkout.Output[1].BaseObject);
        Assert.Single(emulator.State.ReleaseRequests, r => r.Account.ManagedAccountId == account.ManagedAccountId && r.Status == RequestStatus.CheckedIn);
    }

    [Fact]
    public async Task E5_GetObjects_FeedSetAndRemove_ByPropertyName()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(ChainScript).AssertSuccess();

        admin.Run(
            "Get-PSAsset -AssetId $asset.AssetId | Set-PSAsset -Description 'E5 front end'\n" +
            "Get-PSManagedSystem -ManagedSystemId $system.ManagedSystemId | Set-PSManagedSystem -Description 'E5 system' -ReleaseDuration 90\n" +
            "Get-PSManagedAccount -AccountId $account.AccountId | Set-PSManagedAccount -Description 'E5 service' -MaxConcurrentRequests 2\n" +
            "Get-PSUser -UserId $operator.UserId | Set-PSUser -LastName 'Renamed'").AssertSuccess();

        var assetId = (int)admin.Run("$asset.AssetId").SingleValue!;
        var systemId = (int)admin.Run("$system.ManagedSystemId").SingleValue!;
        var accountId = (int)admin.Run("$account.AccountId").SingleValue!;
        var operatorId = (int)admin.Run("$operator.UserId").SingleValue!;
        Assert.Equal("E5 front end", emulator.State.FindAsset(assetId)!.Description);
        Assert.Equal("E5 system", emulator.State.FindManagedSystem(systemId)!.Description);
        Assert.Equal(90, emulator.State.FindManagedSystem(systemId)!.ReleaseDuration);
        Assert.Equal("E5 service", emulator.State.FindManagedAccount(accountId)!.Description);
        Assert.Equal(2, emulator.State.FindManagedAccount(accountId)!.MaxConcurrentRequests);
        Assert.Equal("Renamed", emulator.State.FindUser(operatorId)!.LastName);
        Assert.Equal("Eve", emulator.State.FindUser(operatorId)!.FirstName);

        admin.Run(
            "Get-PSManagedAccount -ManagedSystemId $system.ManagedSystemId | Remove-PSManagedAccount -Force\n" +
            "Get-PSManagedSystem -ManagedSystemId $system.ManagedSystemId | Remove-PSManagedSystem -Force\n" +
            "Get-PSAsset -AssetId $asset.AssetId | Remove-PSAsset -Force\n" +
            "Get-PSUserGroup -Name 'E5 LDAP auditors' | Remove-PSUserGroup -Force\n" +
            "Get-PSUserGroup -GroupId $group.GroupId | Remove-PSUserGroupMember -UserId $operator.UserId -Force\n" +
            "Get-PSUser -UserId $operator.UserId | Remove-PSUser -Force").AssertSuccess();

        Assert.True(emulator.State.FindManagedAccount(accountId) is null or { Deleted: true });
        Assert.Null(emulator.State.FindManagedSystem(systemId));
        Assert.Null(emulator.State.FindAsset(assetId));
        Assert.DoesNotContain(emulator.State.UserGroups, g => g.Name == "E5 LDAP auditors");
        Assert.Null(emulator.State.FindUser(operatorId));
        Assert.Empty(emulator.State.UserGroups.Single(g => g.Name == "E5 operators").MemberIds);
        admin.Run("Get-PSAsset -AssetId $asset.AssetId").AssertError("ObjectNotFound", System.Management.Automation.ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public async Task E5_Credentials_SetChangeAndTest_HaveTheirEffects()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(ChainScript).AssertSuccess();
        var accountId = (int)admin.Run("$account.AccountId").SingleValue!;
        admin.SetVariable("NewPassword", EmulatorFixture.Secure("E5-New-Pa55-jH4xC9"));
        admin.SetVariable("StoreOnly", EmulatorFixture.Secure("E5-StoreOnly-Pa55-bV6"));

        Assert.Equal(true, admin.Run("$account | Test-PSManagedAccountCredential").AssertSuccess().SingleValue);

        admin.Run("$account | Set-PSManagedAccountCredential -Password $NewPassword -Force").AssertSuccess();
        Assert.True(emulator.State.SystemHasStoredPassword(accountId));
        Assert.Equal("E5-New-Pa55-jH4xC9", CheckOut(emulator));

        admin.Run("$account | Set-PSManagedAccountCredential -Password $StoreOnly -UpdateSystem $false -Force").AssertSuccess();
        Assert.Equal(false, admin.Run("Test-PSManagedAccountCredential -AccountId $account.AccountId").AssertSuccess().SingleValue);
        Assert.Equal("E5-StoreOnly-Pa55-bV6", CheckOut(emulator));

        var changes = emulator.State.PasswordChangeCount(accountId);
        admin.Run("$account | Start-PSManagedAccountPasswordChange").AssertSuccess();
        Assert.Equal(changes + 1, emulator.State.PasswordChangeCount(accountId));
        Assert.Equal(true, admin.Run("$account | Test-PSManagedAccountCredential").AssertSuccess().SingleValue);
        var rotated = CheckOut(emulator);
        Assert.NotEqual("E5-StoreOnly-Pa55-bV6", rotated);

        admin.Run("Start-PSManagedAccountPasswordChange -AccountId $account.AccountId -Queue").AssertSuccess();
        Assert.Equal(changes + 1, emulator.State.PasswordChangeCount(accountId));
        Assert.Equal(2, admin.Run("(Get-PSManagedAccount -AccountId $account.AccountId).ChangeState").AssertSuccess().SingleValue);
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(true, admin.Run("$account | Test-PSManagedAccountCredential").AssertSuccess().SingleValue);
        Assert.Equal(changes + 2, emulator.State.PasswordChangeCount(accountId));
        Assert.NotEqual(rotated, CheckOut(emulator));
    }

    [Fact]
    public async Task E5_ServerSideValidation_400_PassedThroughWithTheReason_NothingCreated()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = AdminShell(emulator);
        admin.Run(ChainScript).AssertSuccess();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var duplicateAsset = admin.Run("$wg | New-PSAsset -IPAddress '10.9.0.6' -AssetName 'e5-web'");
        var duplicateAccount = admin.Run("$system | New-PSManagedAccount -AccountName 'svc-e5' -Password $AccountPassword");
        var badDurations = admin.Run("$system | Set-PSManagedSystem -ReleaseDuration 200");

        Assert.Contains("An Asset by that name already exists",
            duplicateAsset.AssertError("ValidationFailed", System.Management.Automation.ErrorCategory.InvalidArgument).ToString());
        Assert.Contains("already exists",
            duplicateAccount.AssertError("ValidationFailed", System.Management.Automation.ErrorCategory.InvalidArgument).ToString());
        Assert.Contains("ReleaseDuration",
            badDurations.AssertError("ValidationFailed", System.Management.Automation.ErrorCategory.InvalidArgument).ToString());
        before.AssertUnchanged(emulator.State, "server-side 400s");
    }

    /// <summary>The E5 operator checks the account out and in again; returns the password it got.</summary>
    private static string CheckOut(CheckoutEmulator emulator)
    {
        using var shell = emulator.NewRunner(interactive: false);
        emulator.Connect(shell, "e5-operator");
        return (string)shell.Run(
            "$request = Get-PSManagedAccount -SystemName 'e5-web' -AccountName 'svc-e5' | New-PSRequest -Reason 'E5 check'\n" +
            "($request | Get-PSCredential).GetNetworkCredential().Password\n" +
            "$request | Complete-PSRequest").AssertSuccess().SingleValue!;
    }

    private static PowerShellRunner AdminShell(CheckoutEmulator emulator)
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        admin.SetVariable("AccountPassword", EmulatorFixture.Secure(AccountPassword));
        admin.SetVariable("OperatorPassword", EmulatorFixture.Secure(OperatorPassword));
        return admin;
    }
}
