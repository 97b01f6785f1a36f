using System;
using System.Management.Automation;
using PasswordSafe.Internal;
using Xunit;

namespace PasswordSafe.UnitTests.Module;

/// <summary>
/// Import-Module refuses PowerShell 7.0 and 7.1 (.NET Core 3.1, .NET 5), whose own Newtonsoft.Json 12.0.0.0 keeps the
/// module's 13.0.0.0 from loading, with an error that says which PowerShell to use; Windows PowerShell 5.1 and
/// PowerShell 7.2+ import as before.
/// </summary>
public class RuntimeRequirementTests
{
    [Theory]
    [InlineData(false, 3, "PowerShell 7.0")]
    [InlineData(false, 5, "PowerShell 7.1")]
    public void PowerShell70And71_AreRefused_SayingWhichPowerShellToUse(bool isFramework, int dotNet, string name)
    {
        var runtime = new ClrRuntime(isFramework, dotNet, isWindows: true);

        var problem = RuntimeRequirement.Problem(runtime);

        Assert.NotNull(problem);
        Assert.Contains("This is " + name, problem);
        Assert.Contains("PowerShell 7.2 or later", problem);
        Assert.Contains("Windows PowerShell 5.1", problem);
        Assert.Contains("Newtonsoft.Json 12.0.0.0", problem);
    }

    [Theory]
    [InlineData(true, 4)]     // Windows PowerShell 5.1
    [InlineData(false, 6)]    // PowerShell 7.2
    [InlineData(false, 8)]    // PowerShell 7.4
    [InlineData(false, 10)]   // PowerShell 7.6
    public void WindowsPowerShellAnd72OrLater_AreAccepted(bool isFramework, int dotNet)
    {
        var runtime = new ClrRuntime(isFramework, dotNet, isWindows: true);

        Assert.Null(RuntimeRequirement.Problem(runtime));
        RuntimeRequirement.Ensure(runtime);
    }

    [Fact]
    public void TheRefusal_CarriesAnErrorRecord_ThatImportModuleShows()
    {
        var error = Assert.Throws<RuntimeException>(() => RuntimeRequirement.Ensure(new ClrRuntime(false, 5, isWindows: false)));

        Assert.Equal(ErrorIds.UnsupportedPowerShell, error.ErrorRecord.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotInstalled, error.ErrorRecord.CategoryInfo.Category);
        Assert.Equal("PowerShell 7.1", error.ErrorRecord.TargetObject);
        Assert.IsType<PlatformNotSupportedException>(error.InnerException);
        Assert.StartsWith("The PasswordSafe module needs PowerShell 7.2 or later", error.Message);
    }

    [Fact]
    public void ThisRuntime_ImportsTheModule() => RuntimeRequirement.Ensure(ClrRuntime.Current);
}
