using System.Linq;
using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Module objects piped into the Get- cmdlets bind what they carry: an asset lists its systems (the tester's repro listed
/// all 18 for 3 assets), a workgroup its assets and systems, a quick rule its accounts (instead of every requestable
/// account), and a system, asset or account its own object even though it also carries its container's ids. Ids that
/// exist only to tell those sets apart are refused when typed together. The lab is built once
/// (<see cref="LabProvisioning"/>); these tests only read it.
/// </summary>
public sealed class PipedObjectBindingTests : IClassFixture<LabProvisioning>
{
    private readonly LabProvisioning lab;

    public PipedObjectBindingTests(LabProvisioning lab) => this.lab = lab;
    [Fact]
    public void PipedAssets_GetPSManagedSystem_ListsOnlyTheSystemsOfThoseAssets()
    {
        using var admin = lab.Admin();

        var result = admin.Run("Get-PSAsset -WorkgroupName Lab | Get-PSManagedSystem").AssertSuccess();

        // lab3 is unmanaged: an empty list for it, not an error, and none of the seed's eight systems.
        Assert.Equal(lab.SystemIds, result.Output.Select(o => (int)o.Properties["ManagedSystemId"].Value).OrderBy(i => i).ToArray());
        Assert.Equal(new[] { "lab1", "lab2" }, result.Output.Select(o => (string)o.Properties["SystemName"].Value).ToArray());
    }

    [Fact]
    public void PipedWorkgroup_GetPSAsset_ListsItsAssets_AndGetPSManagedSystem_ItsSystems()
    {
        using var admin = lab.Admin();

        var assets = admin.Run("Get-PSWorkgroup -Name Lab | Get-PSAsset").AssertSuccess();
        var systems = admin.Run("Get-PSWorkgroup -Name Lab | Get-PSManagedSystem").AssertSuccess();

        Assert.Equal(new[] { "lab1", "lab2", "lab3" }, assets.Output.Select(o => (string)o.Properties["AssetName"].Value).ToArray());
        Assert.Equal(lab.SystemIds, systems.Output.Select(o => (int)o.Properties["ManagedSystemId"].Value).OrderBy(i => i).ToArray());
    }

    [Fact]
    public void PipedObjectsCarryingSeveralIds_ReadTheirOwnObject_NotTheirContainer()
    {
        using var admin = lab.Admin();
        admin.SetVariable("SystemId", lab.SystemIds[0]);
        admin.SetVariable("AssetId", lab.AssetIds[0]);
        admin.SetVariable("AccountId", lab.AccountIds[0]);

        // A system carries ManagedSystemId, AssetId and WorkgroupId; an asset AssetId and WorkgroupId; an account SystemId.
        var system = admin.Run("Get-PSManagedSystem -ManagedSystemId $SystemId | Get-PSManagedSystem").AssertSuccess();
        var assetOfSystem = admin.Run("Get-PSManagedSystem -ManagedSystemId $SystemId | Get-PSAsset").AssertSuccess();
        var asset = admin.Run("Get-PSAsset -AssetId $AssetId | Get-PSAsset").AssertSuccess();
        var systemOfAccount = admin.Run("Get-PSManagedAccount -AccountId $AccountId | Get-PSManagedSystem").AssertSuccess();
        var account = admin.Run("Get-PSManagedAccount -AccountId $AccountId | Get-PSManagedAccount").AssertSuccess();
        var workgroup = admin.Run("Get-PSAsset -AssetId $AssetId | Get-PSWorkgroup").AssertSuccess();

        Assert.Equal(lab.SystemIds[0], Assert.Single(system.Output).Properties["ManagedSystemId"].Value);
        Assert.Equal("lab1", Assert.Single(assetOfSystem.Output).Properties["AssetName"].Value);
        Assert.Equal("lab1", Assert.Single(asset.Output).Properties["AssetName"].Value);
        Assert.Equal(lab.SystemIds[0], Assert.Single(systemOfAccount.Output).Properties["ManagedSystemId"].Value);
        Assert.Equal("lab-svc1", Assert.Single(account.Output).Properties["AccountName"].Value);
        Assert.Equal("Lab", Assert.Single(workgroup.Output).Properties["Name"].Value);
    }

    [Fact]
    public void PipedQuickRule_GetPSManagedAccount_ListsTheAccountsItSelects()
    {
        using var admin = lab.Admin();

        admin.SetVariable("RuleId", lab.QuickRuleId);

        var accounts = admin.Run("Get-PSQuickRule -Title 'lab rule' | Get-PSManagedAccount").AssertSuccess();
        var filtered = admin.Run("Get-PSManagedAccount -SmartRuleId $RuleId -AccountName 'LAB-SVC1'").AssertSuccess();
        var none = admin.Run("Get-PSManagedAccount -SmartRuleId $RuleId -AccountName 'lab-svc2'").AssertSuccess();

        var account = Assert.Single(accounts.Output);
        Assert.Equal("PasswordSafe.ManagedAccountSettings", account.TypeNames[0]);
        Assert.Equal(lab.AccountIds[0], account.Properties["AccountId"].Value);
        Assert.Single(filtered.Output);
        Assert.Empty(none.Output);
    }

    [Fact]
    public void PipedUserGroup_GetPSApiRegistration_ReadsTheRegistrationsItsMembersMayUse()
    {
        using var admin = lab.Admin();

        var administrators = admin.Run("Get-PSUserGroup -Name Administrators | Get-PSApiRegistration").AssertSuccess();
        var outsiders = admin.Run("Get-PSUserGroup -Name Outsiders | Get-PSApiRegistration").AssertSuccess();

        Assert.Equal(new[] { 1, 11, 21 }, administrators.Output.Select(o => (int)o.Properties["RegistrationId"].Value).OrderBy(i => i).ToArray());
        Assert.Empty(outsiders.Output);
    }

    [Fact]
    public void PipedRequest_GetPSRequestReadsItAgain_AndItsAccountAndSystemAreAPipeAway()
    {
        using var demo = lab.Emulator.RunnerFor("demo");
        lab.Emulator.Connect(demo, "admin", sessionVariable: "Admin", makeDefault: false);
        demo.Run("$request = Get-PSManagedAccount -SystemName web01 -AccountName Administrator | New-PSRequest -Reason 'pipeline input'").AssertSuccess();
        try
        {
            var again = demo.Run("$request | Get-PSRequest").AssertSuccess();
            // The request's AccountId and SystemId, read with the administrator's session.
            var account = demo.Run("$request | Get-PSManagedAccount -Session $Admin").AssertSuccess();
            var system = demo.Run("$request | Get-PSManagedSystem -Session $Admin").AssertSuccess();

            var refreshed = Assert.Single(again.Output);
            Assert.Equal(demo.Run("$request.RequestId").SingleValue, refreshed.Properties["RequestId"].Value);
            Assert.Equal("Active", refreshed.Properties["Status"].Value);
            Assert.Equal("Administrator", Assert.Single(account.Output).Properties["AccountName"].Value);
            Assert.Equal("web01", Assert.Single(system.Output).Properties["SystemName"].Value);
        }
        finally
        {
            demo.Run("$request | Complete-PSRequest").AssertSuccess();
        }
    }

    [Theory]
    [InlineData("Get-PSManagedSystem -ManagedSystemId 1 -AssetId 2", "-AssetId cannot be used with -ManagedSystemId.")]
    [InlineData("Get-PSManagedSystem -AssetId 2 -WorkgroupId 1", "-WorkgroupId cannot be used with -AssetId.")]
    [InlineData("Get-PSAsset -AssetId 2 -WorkgroupName Lab", "-WorkgroupName cannot be used with -AssetId.")]
    public void IdsThatOnlyDisambiguatePipedObjects_TypedTogether_AreRefused(string command, string message)
    {
        using var admin = lab.Admin();

        var error = admin.Run(command).AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains(message, ErrorText.Shown(error));
    }
}
