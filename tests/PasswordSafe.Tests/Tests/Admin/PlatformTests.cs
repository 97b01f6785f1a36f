using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Get-PSPlatform (api-v3 §6.4 GET Platforms): the ids New-PSManagedSystem -PlatformId takes, found by name or read by
/// id (also from piped systems); an id the server does not know is refused when a system is created, nothing created.
/// </summary>
public sealed class PlatformTests
{
    [Fact]
    public async Task E5_Platforms_ByNameWildcardIdOrPipedSystem_UnknownOnesObjectNotFound_UnknownPlatformIdRefused()
    {
        await using var emulator = await CheckoutEmulator.StartAsync();
        using var admin = emulator.NewRunner(interactive: false);
        emulator.Connect(admin, "admin");

        var linux = admin.Run("Get-PSPlatform -Name linux").AssertSuccess();
        var wildcard = admin.Run("@(Get-PSPlatform -Name 'MS *' | ForEach-Object Name)").AssertSuccess();
        var piped = admin.Run("Get-PSManagedSystem | Where-Object SystemName -eq db01 | Get-PSPlatform | ForEach-Object Name").AssertSuccess();
        var unknownName = admin.Run("Get-PSPlatform -Name Multics");
        var unknownIds = admin.Run("Get-PSPlatform -PlatformId 99999, 1");
        var systemsBefore = emulator.State.ManagedSystems.Count;
        var refused = admin.Run("New-PSWorkgroup -Name 'Platform checks' | New-PSAsset -IPAddress 10.9.9.9 -AssetName odd01 | New-PSManagedSystem -PlatformId 99999");

        var platform = Assert.Single(linux.Output);
        Assert.Equal(2, platform.Properties["PlatformId"].Value);
        Assert.Equal(22, platform.Properties["DefaultPort"].Value);
        Assert.Equal(true, platform.Properties["DSSFlag"].Value);
        Assert.Equal("MS SQL Server", wildcard.SingleValue);
        Assert.Equal("MS SQL Server", piped.SingleValue);
        unknownName.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound);
        Assert.Equal("Windows", Assert.Single(unknownIds.Output).Properties["Name"].Value);
        Assert.Equal(99999, unknownIds.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).TargetObject);
        var error = refused.AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Contains("PlatformID 99999 is not a platform", ErrorText.Shown(error));
        Assert.Equal(systemsBefore, emulator.State.ManagedSystems.Count);
    }
}
