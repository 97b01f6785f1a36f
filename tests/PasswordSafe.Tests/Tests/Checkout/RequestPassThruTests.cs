using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// -PassThru on the request actions (spec E1, api-v3 §3.3), as Lock-/Stop-PSAccessSession have it: each request as it now
/// is. Approve and rotate-on-check-in keep the request open, so it is read back with one <c>GET Requests</c> for the whole
/// call; check-in and deny end it (no longer listed), so the request is written with its new status, the list read once
/// before for ids and for requests piped as pending (they may have been approved since). Without -PassThru nothing is written and nothing more is read.
/// </summary>
public sealed class RequestPassThruTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    private string[] CallsSince(long mark) => emulator.State.ApiCalls.Since(mark).Select(c => c.Method + " " + c.Path).ToArray();

    [Fact]
    public void E1_ApprovePassThru_WritesEachRequestAsItNowIs_ReadBackOnceForTheWholeCall()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        shell.Run("$null = New-PSRequest db01 sa -Reason one -WarningAction SilentlyContinue\n" +
                  "$queue = Get-PSRequest -Queue Approver -Status Pending -Session $Approver").AssertSuccess();

        var mark = emulator.State.ApiCalls.Total;
        var approved = shell.Run("$queue | Approve-PSRequest -Reason ok -PassThru").AssertSuccess();

        var request = Assert.Single(approved.Output);
        Assert.Equal("Active", request.Properties["Status"].Value);
        Assert.NotNull(request.Properties["ExpiresDate"].Value);
        Assert.Equal("PasswordSafe.Request#ApproverQueue", request.TypeNames[0]);
        Assert.Equal(new[] { "PUT Requests", "GET Requests" }, CallsSince(mark).Select(c => c.Split('/')[0]).ToArray());
    }

    [Fact]
    public void E1_SetPassThru_ManyRequests_OneReadBack_RotateOnCheckinTrue()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$all = @(New-PSRequest web01 Administrator -Reason a; New-PSRequest lnx01 root -Reason b; New-PSRequest web01 runbook-svc -Reason c)").AssertSuccess();

        var mark = emulator.State.ApiCalls.Total;
        var set = shell.Run("$all | Set-PSRequest -RotateOnCheckin -PassThru").AssertSuccess();

        Assert.Equal(3, set.Output.Count);
        Assert.All(set.Output, r => Assert.Equal(true, r.Properties["RotateOnCheckin"].Value));
        Assert.Equal(new[] { "Administrator", "root", "runbook-svc" }, set.Output.Select(r => (string)r.Properties["AccountName"].Value));
        Assert.Equal(1, CallsSince(mark).Count(c => c == "GET Requests"));
    }

    [Fact]
    public void E1_CompletePassThru_PipedRequests_WrittenCheckedInOrCanceled_AnActiveOneWithoutAnyRead()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$active = New-PSRequest web01 Administrator -Reason a\n" +
                  "$pending = New-PSRequest db01 sa -Reason b -WarningAction SilentlyContinue").AssertSuccess();

        var mark = emulator.State.ApiCalls.Total;
        var done = shell.Run("$active, $pending | Complete-PSRequest -PassThru").AssertSuccess();

        Assert.Equal(new[] { "CheckedIn", "Canceled" }, done.Output.Select(r => (string)r.Properties["Status"].Value));
        // The active one needs no read; the one read as pending is checked against the list once (it may be approved by now).
        Assert.Equal(new[] { "PUT Requests", "GET Requests", "PUT Requests" }, CallsSince(mark).Select(c => c.Split('/')[0]).ToArray());
        Assert.All(emulator.State.ReleaseRequests, r => Assert.False(r.IsOpen));
    }

    [Fact]
    public void E1_CompletePassThru_ARequestReadAsPendingAndApprovedSince_IsWrittenCheckedIn_AsTheServerRecordsIt()
    {
        // The runbook pattern: the request object is kept from New-PSRequest while an approver approves it.
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        shell.Run("$request = New-PSRequest db01 sa -Reason 'Change 4711' -WarningAction SilentlyContinue\n" +
                  "Get-PSRequest -Queue Approver -Session $Approver | Approve-PSRequest -Reason ok").AssertSuccess();

        var done = shell.Run("$request | Complete-PSRequest -Reason done -PassThru").AssertSuccess();

        var written = Assert.Single(done.Output);
        Assert.Equal("CheckedIn", written.Properties["Status"].Value);
        Assert.Equal("sa", written.Properties["AccountName"].Value);
        Assert.Equal(RequestStatus.CheckedIn, emulator.Request((int)written.Properties["RequestId"].Value).Status);
    }

    [Fact]
    public void E1_CompleteAndDenyPassThru_ById_TheListIsReadOnceBefore()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        shell.Run("$a = New-PSRequest web01 Administrator -Reason a; $b = New-PSRequest lnx01 root -Reason b\n" +
                  "$p = New-PSRequest db01 sa -Reason c -WarningAction SilentlyContinue").AssertSuccess();

        var mark = emulator.State.ApiCalls.Total;
        var checkedIn = shell.Run("Complete-PSRequest -RequestId $a.RequestId -PassThru; $b.RequestId | ForEach-Object { [pscustomobject]@{ RequestId = $_ } } | Complete-PSRequest -PassThru").AssertSuccess();
        var checkInCalls = CallsSince(mark);
        var denied = shell.Run("[pscustomobject]@{ RequestId = $p.RequestId } | Deny-PSRequest -Reason no -PassThru -Session $Approver").AssertSuccess();

        Assert.Equal(new[] { "CheckedIn", "CheckedIn" }, checkedIn.Output.Select(r => (string)r.Properties["Status"].Value));
        Assert.Equal(new[] { "Administrator", "root" }, checkedIn.Output.Select(r => (string)r.Properties["AccountName"].Value));
        // One read per call: two calls here, each reads the list once, before its check-in.
        Assert.Equal(2, checkInCalls.Count(c => c == "GET Requests"));
        var deniedRequest = Assert.Single(denied.Output);
        Assert.Equal("Denied", deniedRequest.Properties["Status"].Value);
        Assert.Equal("demo", deniedRequest.Properties["RequestorName"].Value);
        Assert.Equal(RequestStatus.Denied, emulator.Request((int)deniedRequest.Properties["RequestId"].Value).Status);
    }

    [Fact]
    public void E1_WithoutPassThru_NothingIsWritten_NothingMoreIsRead()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$r = New-PSRequest web01 Administrator -Reason a").AssertSuccess();

        var mark = emulator.State.ApiCalls.Total;
        var set = shell.Run("$r | Set-PSRequest -RotateOnCheckin; Complete-PSRequest -RequestId $r.RequestId").AssertSuccess();

        Assert.Empty(set.Output);
        Assert.Equal(new[] { "PUT Requests", "PUT Requests" }, CallsSince(mark).Select(c => c.Split('/')[0]).ToArray());
    }
}
