using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// api-v3 §3.2 ConflictOption as the emulator answers it, seen through the module: -ConflictOption Renew replaces every
/// approved request the caller holds on the account, whatever its access type; -ConflictOption Reuse gives back only an
/// approved request, so a request still waiting for its approver is a conflict (4091) and nothing new is made.
/// </summary>
public sealed class ConflictOptionConformanceTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void Api32_Renew_CancelsTheCallersApprovedRequestsOfEveryAccessType_OnThatAccount()
    {
        using var shell = emulator.RunnerFor("demo");
        var ids = shell.Run(
            "(New-PSRequest -SystemName web01 -AccountName Administrator -Reason view).RequestId\n" +
            "(New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP -Reason rdp).RequestId").AssertSuccess()
            .Output.Select(o => (int)o.BaseObject).ToArray();

        var renewed = (int)shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -Reason again -ConflictOption Renew).RequestId")
            .AssertSuccess().SingleValue!;

        Assert.All(ids, id => Assert.Equal(RequestStatus.Canceled, emulator.Request(id).Status));
        Assert.Equal(RequestStatus.Active, emulator.Request(renewed).Status);
        Assert.Equal(new[] { renewed }, shell.Run("Get-PSRequest | ForEach-Object RequestId").AssertSuccess().Output.Select(o => (int)o.BaseObject));
    }

    [Fact]
    public void Api32_Reuse_WhileTheCallersRequestAwaitsItsApprover_Conflict4091_NothingNewRequested()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$pending = New-PSRequest -SystemName db01 -AccountName sa -Reason audit -WarningAction SilentlyContinue").AssertSuccess();

        var error = shell.Run("New-PSRequest -SystemName db01 -AccountName sa -Reason audit -ConflictOption Reuse")
            .AssertError("Conflict", ErrorCategory.ResourceExists);

        Assert.Contains("4091", error.ErrorDetails.Message);
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(RequestStatus.Pending, request.Status);
        Assert.DoesNotContain(emulator.State.Audit, e => e.Kind == AuditKinds.RequestReused);
    }
}
