using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// D1 404 on a request's own calls (api-v3 §3.3): the server answers the same for an id that never existed and for a
/// request that ended, so the id stays RequestNotActive while the message allows both ("was not found, or …"), each
/// action saying what ended means for it (terminated included). Request ids never appear in the text (masked, as in URLs).
/// </summary>
public sealed class UnknownRequestTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Theory]
    [InlineData("Complete-PSRequest 987654", "demo", "the request was not found, or is no longer active (it was checked in, denied, expired or terminated)")]
    [InlineData("Set-PSRequest 987654 -RotateOnCheckin", "demo", "the request was not found, or is no longer active (it was checked in, denied, expired or terminated)")]
    [InlineData("Approve-PSRequest 987654", "approver", "the request was not found, or is no longer waiting for approval (it was approved or denied already, canceled, expired or terminated)")]
    [InlineData("Deny-PSRequest 987654", "approver", "the request was not found, or has ended (it was denied already, checked in, canceled, expired or terminated)")]
    public void D1_UnknownRequestId_RequestNotActive_SayingItMayNotExist_WithoutTheId(string command, string runAs, string says)
    {
        using var shell = emulator.RunnerFor(runAs);

        var result = shell.Run(command + " -Verbose -Debug");

        var error = result.AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.Contains(says, error.ErrorDetails.Message);
        Assert.Equal("request ****", error.TargetObject);
        Assert.Contains("Check the id", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("987654", result.AllText());
    }

    [Fact]
    public void E1_TerminatedRequest_CheckInSaysTerminatedIsAmongTheEnds()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "admin", sessionVariable: "Admin", makeDefault: false);
        shell.Run("$r = New-PSRequest web01 Administrator -Reason r\n" +
                  "Stop-PSRequest -ManagedAccountId 1 -Force -Session $Admin").AssertSuccess();

        var error = shell.Run("$r | Complete-PSRequest").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);

        Assert.Contains(@"Checking in the request for web01\Administrator: the request was not found, or is no longer active", error.ErrorDetails.Message);
        Assert.Contains("terminated", error.ErrorDetails.Message);
    }
}
