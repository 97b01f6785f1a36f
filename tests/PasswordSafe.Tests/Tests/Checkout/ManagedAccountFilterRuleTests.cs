using System.Management.Automation;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// api-v3 §2.1 as the emulator enforces it, seen through Get-PSManagedAccount: an application display name with
/// another type, or an IP address with a type that has no address filter, is the server's 400 with its reason, and
/// nothing is listed.
/// </summary>
public sealed class ManagedAccountFilterRuleTests : IClassFixture<CheckoutEmulator>
{
    private readonly CheckoutEmulator emulator;

    public ManagedAccountFilterRuleTests(CheckoutEmulator emulator) => this.emulator = emulator;

    [Theory]
    [InlineData("-Type system -ApplicationDisplayName Payroll", "applicationDisplayName needs type=application")]
    [InlineData("-Type application -IPAddress 10.0.0.14", "ipAddress needs type system, domainlinked or database")]
    [InlineData("-Type cloud -IPAddress 10.0.0.40", "ipAddress needs type system, domainlinked or database")]
    public void Api21_FilterWithATypeItDoesNotTake_ValidationFailed_WithTheServersReason(string filter, string reason)
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run($"Get-PSManagedAccount {filter}");

        Assert.Contains(reason, result.AssertError("ValidationFailed", ErrorCategory.InvalidArgument).ToString());
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Api21_ApplicationDisplayNameAlone_StillLists_TheModuleSendsTheTypeItNeeds()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("(Get-PSManagedAccount -ApplicationDisplayName Payroll).AccountName").AssertSuccess();

        Assert.Equal("payroll-api", result.SingleValue);
    }
}
