using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// E1 with requests Use-PSCredential did not make or that ended before it checked in: -ConflictOption Reuse answered with
/// a request that was already open (api-v3 §3.2: 200 with its id) is used and left open for whoever opened it — also an
/// enclosing Use-PSCredential's, and a direct request reused through an alias, whose credential is then read the plain
/// way; a request that ended while the block ran is a warning, not a CheckInFailed error telling the user to act.
/// Asserted on the emulator's requests.
/// </summary>
public sealed class UseCredentialReuseTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_UseCredential_ReuseOfAnOpenRequest_RunsTheBlock_AndLeavesThatRequestOpen_SayingSoUnderVerbose()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("(New-PSRequest web01 runbook-svc -Reason 'held by the operator').RequestId").AssertSuccess().SingleValue!;

        var result = shell.Run("Use-PSCredential web01 runbook-svc -Reason nightly -ConflictOption Reuse -Verbose { param($c) $c.GetNetworkCredential().Password }")
            .AssertSuccess();

        Assert.Equal(emulator.Seed.AccountPassword(CheckoutSeed.RunbookService), result.SingleValue);
        Assert.Empty(result.Warnings);
        Assert.Contains(result.Verbose, l => l.Contains("Left the request open") && l.Contains("Reuse"));
        Assert.DoesNotContain(result.Verbose, l => l.Contains("PUT") && l.Contains("Checkin"));
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(id, request.RequestId);
        Assert.Equal(RequestStatus.Active, request.Status);
    }

    [Fact]
    public void E1_NestedUseCredential_WithReuse_TheInnerLeavesTheRequest_TheOuterChecksItIn_NoErrorNoWarning()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "Use-PSCredential web01 runbook-svc -Reason outer {\n" +
            "  Use-PSCredential web01 runbook-svc -Reason inner -ConflictOption Reuse { 'inner' }\n" +
            "  (Get-PSRequest -Status Active).Count\n" +
            "  'outer'\n" +
            "}").AssertSuccess();

        Assert.Equal(new object[] { "inner", 1, "outer" }, result.Output.Select(o => o.BaseObject));
        Assert.Empty(result.Warnings);
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(RequestStatus.CheckedIn, request.Status);
        Assert.Equal("outer", request.Reason);
    }

    [Fact]
    public void E1_RequestEndedWhileTheBlockRan_AWarningThatItHadEnded_NotCheckInFailed_OutputKept()
    {
        using var shell = emulator.RunnerFor("demo");

        var result = shell.Run(
            "$ErrorActionPreference = 'Stop'\n" +
            "Use-PSCredential web01 runbook-svc -Reason x { Get-PSRequest | Complete-PSRequest -Reason 'ended by the block'; 'work done' }")
            .AssertSuccess();

        Assert.Equal("work done", result.SingleValue);
        var warning = Assert.Single(result.Warnings);
        Assert.Contains(@"The request for web01\runbook-svc had already ended", warning);
        Assert.Contains("-DurationMinutes", warning);
        Assert.Equal(RequestStatus.CheckedIn, Assert.Single(emulator.State.ReleaseRequests).Status);
    }

    [Fact]
    public void E1_AliasReuseOfADirectRequest_NewPSRequestGivesThatRequestWithoutTheAlias_ItsCredentialReads()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("(New-PSRequest web01 rotating-svc -Reason direct).RequestId").AssertSuccess().SingleValue!;

        var result = shell.Run(
            "$r = New-PSRequest -AliasName runbook-pair -Reason 'through the alias' -ConflictOption Reuse -Verbose\n" +
            "$r.RequestId; $null -eq $r.AliasId; $null -eq $r.AliasName\n" +
            "($r | Get-PSCredential).GetNetworkCredential().Password").AssertSuccess();

        Assert.Equal(new object[] { id, true, true, emulator.Seed.AccountPassword(CheckoutSeed.RotatingService) }, result.Output.Select(o => o.BaseObject));
        Assert.Contains(result.Verbose, l => l.Contains("reused your open request"));
        Assert.Single(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_UseCredentialThroughAnAlias_ReusingADirectRequest_ReadsIt_AndLeavesItOpen()
    {
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("(New-PSRequest web01 rotating-svc -Reason direct).RequestId").AssertSuccess().SingleValue!;

        var result = shell.Run("Use-PSCredential -AliasName runbook-pair -Reason x -ConflictOption Reuse { param($c) $c.UserName; $c.GetNetworkCredential().Password }")
            .AssertSuccess();

        Assert.Equal(new object[] { "rotating-svc", emulator.Seed.AccountPassword(CheckoutSeed.RotatingService) }, result.Output.Select(o => o.BaseObject));
        Assert.Equal(RequestStatus.Active, emulator.Request(id).Status);
        Assert.Single(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void E1_UseCredential_WithRenew_ReplacesTheOpenRequest_AndChecksInItsOwn()
    {
        // The way to take over a stale request of an earlier run: Renew makes a new one, which is Use-PSCredential's to end.
        using var shell = emulator.RunnerFor("demo");
        var id = (int)shell.Run("(New-PSRequest web01 runbook-svc -Reason stale).RequestId").AssertSuccess().SingleValue!;

        shell.Run("Use-PSCredential web01 runbook-svc -Reason x -ConflictOption Renew { 'ran' }").AssertSuccess();

        Assert.False(emulator.Request(id).IsOpen);
        Assert.Equal(0, emulator.OpenRequestCount);
        Assert.Equal(2, emulator.State.ReleaseRequests.Count);
    }
}
