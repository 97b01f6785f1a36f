using System;
using System.Linq;
using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// api-v3 section 6.2: Workgroups/{id|name}/Assets. A workgroup name that cannot travel in a URL path unchanged on every
/// runtime ('Lab/Prod', 'A\B' and 'Corp.' reach another path under Windows PowerShell 5.1's legacy System.Uri; a name
/// of digits reads as an id everywhere) is looked up to its id first (GET Workgroups?name=), so New-PSAsset and
/// Get-PSAsset reach that workgroup. A plain name still goes into the path as it is, in one call.
/// </summary>
public sealed class WorkgroupNameInPathTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public WorkgroupNameInPathTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("Lab/Prod", "10.61.0.1")]
    [InlineData(@"Lab\Test", "10.61.0.2")]
    [InlineData("Corp.", "10.61.0.3")]
    [InlineData("..", "10.61.0.4")]
    [InlineData("2", "10.61.0.5")]           // workgroup 2 ('East') exists: the name must not read as its id
    [InlineData("50% off", "10.61.0.6")]
    public void Api62_AWorkgroupNameThatCannotTravelInAPath_IsUsedByItsId(string name, string address)
    {
        using var admin = AdminShell();
        admin.SetVariable("WorkgroupName", name);
        admin.SetVariable("Address", address);
        var workgroupId = (int)admin.Run("(New-PSWorkgroup -Name $WorkgroupName).WorkgroupId").AssertSuccess().SingleValue!;
        var mark = emulator.State.ApiCalls.Total;

        var created = admin.Run("New-PSAsset -WorkgroupName $WorkgroupName -IPAddress $Address -AssetName ('asset-' + $Address) -Verbose").AssertSuccess();
        var listed = admin.Run("Get-PSAsset -WorkgroupName $WorkgroupName").AssertSuccess();

        Assert.Equal(workgroupId, Assert.Single(created.Output).Properties["WorkgroupId"].Value);
        var asset = Assert.Single(listed.Output);
        Assert.Equal(address, asset.Properties["IPAddress"].Value);
        Assert.Equal(workgroupId, asset.Properties["WorkgroupId"].Value);
        Assert.Contains(created.Verbose, l => l.StartsWith($"Workgroup '{name}' is workgroup {workgroupId}", StringComparison.Ordinal));
        var calls = emulator.State.ApiCalls.Since(mark).Select(c => c.Method + " " + c.Path).ToArray();
        Assert.Equal(new[]
        {
            "GET Workgroups", $"POST Workgroups/{workgroupId}/Assets",
            "GET Workgroups", $"GET Workgroups/{workgroupId}/Assets",
        }, calls);
    }

    [Fact]
    public void Api62_APlainWorkgroupName_GoesIntoThePathAsItIs_InOneCall()
    {
        using var admin = AdminShell();
        admin.Run("$null = New-PSWorkgroup -Name 'Plain Name-1'").AssertSuccess();
        var mark = emulator.State.ApiCalls.Total;

        admin.Run("New-PSAsset -WorkgroupName 'Plain Name-1' -IPAddress 10.62.0.1 -AssetName plain-asset").AssertSuccess();

        var call = Assert.Single(emulator.State.ApiCalls.Since(mark));
        Assert.Equal("POST", call.Method);
        Assert.Equal("Workgroups/Plain Name-1/Assets", Uri.UnescapeDataString(call.Path));
    }

    [Fact]
    public void Api62_AnUnknownWorkgroupWhoseNameNeedsItsId_ObjectNotFound_AsTheCallItselfWouldSay_NothingCreated()
    {
        using var admin = AdminShell();
        var before = EmulatorStateSnapshot.Take(emulator.State);

        var created = admin.Run("New-PSAsset -WorkgroupName 'No/such' -IPAddress 10.63.0.1 -AssetName nf-asset");
        var listed = admin.Run("Get-PSAsset -WorkgroupName 'No/such'");

        Assert.Equal("Creating asset 'nf-asset' in workgroup 'No/such' failed: Workgroup not found.",
            created.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).Exception.Message);
        Assert.Equal("Workgroup 'No/such' was not found (Workgroup not found).",
            listed.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).Exception.Message);
        before.AssertUnchanged(emulator.State, "New-PSAsset -WorkgroupName 'No/such'");
    }

    private PowerShellRunner AdminShell()
    {
        var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");
        return admin;
    }
}
