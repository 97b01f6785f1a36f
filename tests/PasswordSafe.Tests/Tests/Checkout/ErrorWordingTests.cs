using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// What the errors say, read as sentences: no doubled punctuation around the server's reason codes (D1 403 bodies), an
/// ISA lookup does not speak of "requestable" accounts, and advice a plain requestor can follow (Get-PSAccessPolicy needs
/// Role Management, so they are pointed at an administrator too).
/// </summary>
public sealed class ErrorWordingTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Theory]
    [InlineData("New-PSRequest -SystemId 1 -AccountId 1 -Reason x", "PermissionDenied")]
    [InlineData("New-PSRequestSet -SystemId 1 -AccountId 1 -AccessType View -Reason x", "PermissionDenied")]
    [InlineData("Get-PSRequest -Queue Approver", "PermissionDenied")]
    [InlineData("Invoke-PSRestMethod -Path Users", "PermissionDenied")]
    public void D1_403_ReasonCodeInASentence_WithoutDoubledPunctuation(string command, string errorId)
    {
        using var shell = emulator.RunnerFor("no-role");

        var error = shell.Run(command).AssertError(errorId, ErrorCategory.PermissionDenied);

        var message = error.ErrorDetails?.Message ?? error.Exception.Message;
        Assert.Matches(@"403[1-4]", message);
        Assert.DoesNotContain(".)", message);
        Assert.DoesNotContain("..", message);
        Assert.DoesNotContain(".).", message);
    }

    [Fact]
    public void E3_IsaLookupByNames_FindsNothing_SaysIsaAccess_NotRequestable()
    {
        using var shell = emulator.RunnerFor("isa-user");

        var error = shell.Run("Get-PSIsaCredential -SystemName web01 -AccountName nobody").AssertError("AccountNotFound", ErrorCategory.ObjectNotFound);

        Assert.StartsWith("No managed account with ISA access matches system 'web01', account 'nobody'.", error.ErrorDetails.Message);
        Assert.DoesNotContain("requestable", error.ErrorDetails.Message);
        Assert.Contains("IsIsaAccess", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void E1_RequestRefused_ValidationAdvice_WorksForARequestorWithoutRoleManagement()
    {
        using var shell = emulator.RunnerFor("demo");

        // db01\sa's policy requires a reason.
        var error = shell.Run("New-PSRequest db01 sa").AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("an administrator can tell you", error.ErrorDetails.RecommendedAction);
        Assert.Contains("Get-PSAccessPolicy shows it if you hold Password Safe Role Management", error.ErrorDetails.RecommendedAction);
        Assert.Empty(emulator.State.ReleaseRequests);
    }
}
