using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Wait-PSRequest (spec E1 "GET Credentials once approved"): a script waits for an approver instead of failing with
/// RequestNotApproved. db01\sa needs one approval (policy "One approver"); "approver" acts from a second runspace while
/// demo's script waits. Denial, timeout and Ctrl+C end the wait with the request's state as the emulator shows it.
/// </summary>
public sealed class WaitRequestTests : IAsyncLifetime
{
    private const string RequestPending = "$r = New-PSRequest -SystemName db01 -AccountName sa -Reason 'change 42' -WarningAction SilentlyContinue";

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_WaitsWhilePending_ThenWritesTheApprovedRequest_WhichReadsTheCredential()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(RequestPending).AssertSuccess();

        var result = RunWhileTheApproverActs(shell, "$r | Wait-PSRequest -PollIntervalSec 1 -TimeoutSec 60 | Get-PSCredential -AsPlainText",
            "Approve-PSRequest -Reason ok").AssertSuccess();

        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.DatabaseSa), result.SingleValue);
        Assert.Equal(RequestStatus.Active, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_AnActiveRequest_IsWrittenAtOnce_WithItsStatus()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason now | Wait-PSRequest -TimeoutSec 1 | ForEach-Object { $_.Status }")
            .AssertSuccess();

        Assert.Equal("Active", result.SingleValue);
        Assert.DoesNotContain(result.HostWrites, l => l.StartsWith("PROGRESS:", StringComparison.Ordinal));
    }

    [Fact]
    public void E1_StillPendingAtTheTimeout_RequestNotApproved_NamingTheAccount_AndTheRequestStaysPending()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(RequestPending).AssertSuccess();

        var result = shell.Run("$r | Wait-PSRequest -TimeoutSec 1 -PollIntervalSec 1");
        var error = result.AssertError("RequestNotApproved", ErrorCategory.ResourceUnavailable);

        Assert.Empty(result.Output);
        Assert.Contains(@"request for db01\sa is still waiting for approval after 1 seconds", error.Exception.Message);
        Assert.Contains("-TimeoutSec", error.ErrorDetails.RecommendedAction);
        Assert.Contains(result.HostWrites, l => l.StartsWith("PROGRESS: Waiting for approval", StringComparison.Ordinal) && l.Contains(@"db01\sa"));
        Assert.Equal(RequestStatus.Pending, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_DeniedWhileWaiting_RequestNotActive()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(RequestPending).AssertSuccess();

        var result = RunWhileTheApproverActs(shell, "$r | Wait-PSRequest -PollIntervalSec 1 -TimeoutSec 60", "Deny-PSRequest -Reason 'not now'");

        var error = result.AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.Contains("denied, canceled, expired or terminated while waiting", error.Exception.Message);
        Assert.Empty(result.Output);
        Assert.Equal(RequestStatus.Denied, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_SeveralPendingRequests_AreWaitedForTogether_EachWrittenWhenApproved_EachWithItsOwnTimeout()
    {
        // Waited for one after another, the approved RDP request would come out only after the View one timed out (6 s),
        // and the whole run would take two timeouts; together it comes out at the next poll after the approval.
        using var shell = emulator.RunnerFor("demo");
        using var approver = emulator.RunnerFor("approver");
        shell.Run("$view = New-PSRequest db01 sa -Reason one -WarningAction SilentlyContinue\n" +
                  "$rdp = New-PSRequest db01 sa -AccessType RDP -Reason two -WarningAction SilentlyContinue").AssertSuccess();
        Assert.Equal(2, emulator.State.ReleaseRequests.Count(r => r.Status == RequestStatus.Pending));

        using var running = shell.Begin("$clock = [System.Diagnostics.Stopwatch]::StartNew()\n" +
                                        "$view, $rdp | Wait-PSRequest -PollIntervalSec 1 -TimeoutSec 6 | ForEach-Object { \"$($_.AccessType) $($_.Status) $($clock.Elapsed.TotalSeconds)\" }\n" +
                                        "\"end $($clock.Elapsed.TotalSeconds)\"");
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        approver.Run("Get-PSRequest -Queue Approver | Where-Object AccessType -eq RDP | Approve-PSRequest -Reason ok").AssertSuccess();
        var result = running.Wait(TimeSpan.FromSeconds(30));

        var lines = result.Output.Select(o => (string)o.BaseObject).ToList();
        Assert.Equal(2, lines.Count);
        Assert.StartsWith("RDP Active ", lines[0], StringComparison.Ordinal);
        Assert.True(Seconds(lines[0]) < 6, "the approved request waited for the other one's timeout: " + lines[0]);
        Assert.True(Seconds(lines[1]) < 10, "the run took both timeouts one after another: " + lines[1]);
        var error = Assert.Single(result.Errors);
        Assert.Equal("RequestNotApproved", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains(@"request for db01\sa is still waiting for approval after 6 seconds", error.Exception.Message);
        Assert.Equal(1, emulator.State.ReleaseRequests.Count(r => r.Status == RequestStatus.Pending));
    }

    private static double Seconds(string line) =>
        double.Parse(line.Substring(line.LastIndexOf(' ') + 1), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void E1_NotOpenWhenTheWaitBegins_ByIdIsRequestNotFound_ByObjectRequestNotActive_NeitherSaysWhileWaiting()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest web01 Administrator -Reason done; $r | Complete-PSRequest").AssertSuccess();

        var byId = shell.Run("Wait-PSRequest -RequestId 99999 -TimeoutSec 5 -PollIntervalSec 1").AssertError("RequestNotFound", ErrorCategory.ObjectNotFound);
        var byObject = shell.Run("$r | Wait-PSRequest -TimeoutSec 5 -PollIntervalSec 1").AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);

        Assert.Contains("not among your open requests", byId.ErrorDetails.Message);
        Assert.DoesNotContain("99999", byId.ErrorDetails.Message);
        Assert.Contains(@"request for web01\Administrator is not open, so there is nothing to wait for", byObject.ErrorDetails.Message);
        Assert.DoesNotContain("while waiting", byId.ErrorDetails.Message + byObject.ErrorDetails.Message);
    }

    [Fact]
    public void E1_CtrlCWhileWaiting_StopsAtOnce_AndLeavesTheRequestPending()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(RequestPending).AssertSuccess();

        using var running = shell.Begin("$r | Wait-PSRequest -PollIntervalSec 30 -TimeoutSec 600");
        Thread.Sleep(TimeSpan.FromSeconds(1));
        running.Stop();
        var result = running.Wait(TimeSpan.FromSeconds(10));

        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(result.Errors);
        Assert.Equal(RequestStatus.Pending, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_ByRequestId_ErrorsNeverShowTheId()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run(RequestPending).AssertSuccess();
        var id = emulator.State.ReleaseRequests.Single().RequestId;

        var error = shell.Run("Wait-PSRequest -RequestId $r.RequestId -TimeoutSec 1 -PollIntervalSec 1").AssertError("RequestNotApproved", ErrorCategory.ResourceUnavailable);

        Assert.Contains("request ****", error.Exception.Message);
        Assert.Equal("request ****", error.TargetObject);
        Assert.DoesNotMatch($@"(request|Requests/)\s*{id}\b", error.Exception.Message);
    }

    [Fact]
    public void E1_UseCredentialWithApprovalTimeout_WaitsForTheApprover_RunsTheBlock_AndChecksIn()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = RunWhileTheApproverActs(shell,
            "Use-PSCredential db01 sa -Reason 'change 42' -ApprovalTimeoutSec 20 { param($c) $c.GetNetworkCredential().Password }",
            "Approve-PSRequest -Reason ok").AssertSuccess();

        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.DatabaseSa), result.SingleValue);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_UseCredentialWithApprovalTimeout_StillPending_ShowsProgress_RunsNothing_AndReleasesTheRequest()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run("Use-PSCredential db01 sa -Reason 'change 42' -ApprovalTimeoutSec 1 { 'ran' }");
        var error = result.AssertError("RequestNotApproved", ErrorCategory.ResourceUnavailable);

        Assert.Empty(result.Output);
        // The wait is not silent: the same bar as Wait-PSRequest's, naming the account.
        Assert.Contains(result.HostWrites, l => l.StartsWith(@"PROGRESS: Waiting for approval request for db01\sa: 0 of 1 s", StringComparison.Ordinal));
        Assert.Contains(@"The request for db01\sa was not approved within 1 seconds, and it was withdrawn.", error.ErrorDetails.Message);
        Assert.Contains("Pass a larger -ApprovalTimeoutSec", error.ErrorDetails.RecommendedAction);
        Assert.DoesNotContain("-TimeoutSec", error.ErrorDetails.RecommendedAction.Replace("-ApprovalTimeoutSec", string.Empty));
        Assert.False(Assert.Single(emulator.State.ReleaseRequests).IsOpen);
    }

    [Fact]
    public void E1_UseCredentialWithApprovalTimeout_DeniedWhileWaiting_RequestNotActive_WithoutClaimingItCouldNotBeWithdrawn()
    {
        // The denied request has ended: withdrawing it needs nothing, so the error must not send the user to check it in.
        using var shell = emulator.RunnerFor("demo");

        var result = RunWhileTheApproverActs(shell, "Use-PSCredential db01 sa -Reason 'change 42' -ApprovalTimeoutSec 20 { 'ran' }",
            "Deny-PSRequest -Reason 'not now'");

        var error = result.AssertError("RequestNotActive", ErrorCategory.ObjectNotFound);
        Assert.Empty(result.Output);
        Assert.DoesNotContain("could not be withdrawn", ErrorText.Shown(error));
        Assert.DoesNotContain("Complete-PSRequest", ErrorText.Shown(error));
        Assert.Equal(RequestStatus.Denied, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_UseCredentialWithApprovalTimeout_CtrlCWhileWaiting_ReleasesTheRequest()
    {
        using var shell = emulator.RunnerFor("demo");

        using var running = shell.Begin("Use-PSCredential db01 sa -Reason 'change 42' -ApprovalTimeoutSec 600 { 'ran' }");
        Thread.Sleep(TimeSpan.FromSeconds(1));
        Assert.Equal(RequestStatus.Pending, Assert.Single(emulator.State.ReleaseRequests).Status);
        running.Stop();
        var result = running.Wait(TimeSpan.FromSeconds(15));

        Assert.Equal(PSInvocationState.Stopped, running.State);
        Assert.Empty(result.Output);
        Assert.False(Assert.Single(emulator.State.ReleaseRequests).IsOpen);
    }

    /// <summary>
    /// Starts <paramref name="script"/>, checks it is still waiting (the request pending) after a poll or two, lets
    /// "approver" pipe the approver queue into <paramref name="decision"/>, and collects the script's result.
    /// </summary>
    private PowerShellResult RunWhileTheApproverActs(PowerShellRunner shell, string script, string decision)
    {
        using var approver = emulator.RunnerFor("approver");
        using var running = shell.Begin(script);
        Thread.Sleep(TimeSpan.FromSeconds(1.5));
        Assert.False(running.IsCompleted, "The script returned while the request was still pending.");
        Assert.Equal(RequestStatus.Pending, Assert.Single(emulator.State.ReleaseRequests).Status);
        approver.Run("Get-PSRequest -Queue Approver | " + decision).AssertSuccess();
        return running.Wait(TimeSpan.FromSeconds(30));
    }
}
