using System;
using System.Linq;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// What a request object says, whichever cmdlet wrote it (api-v3 §3.1): RotateOnCheckin as the server lists it, and the
/// alias a request was made through by id and by name, for Get-PSRequest and Wait-PSRequest as for New-PSRequest. The
/// alias names cost one <c>GET Aliases</c> per listing at most, none when no request has an alias, and none again within
/// the two minutes they are kept.
/// </summary>
public sealed class RequestObjectTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    private string[] CallsSince(long mark) => emulator.State.ApiCalls.Since(mark).Select(c => c.Method + " " + c.Path).ToArray();

    [Fact]
    public void E1_RotateOnCheckin_IsOnEveryRequestObject_AsTheServerListsIt()
    {
        using var shell = emulator.RunnerFor("demo");

        var created = shell.Run("$r = New-PSRequest web01 Administrator -RotateOnCheckin -Reason r; $r.RotateOnCheckin").AssertSuccess();
        var plain = shell.Run("(New-PSRequest lnx01 root -Reason r).RotateOnCheckin").AssertSuccess();
        var marked = shell.Run("$p = Get-PSRequest | Where-Object SystemName -eq lnx01; $p | Set-PSRequest -RotateOnCheckin; (Get-PSRequest -RequestId $p.RequestId).RotateOnCheckin").AssertSuccess();
        var listed = shell.Run("(Get-PSRequest -RequestId $r.RequestId).RotateOnCheckin").AssertSuccess();
        var waited = shell.Run("($r | Wait-PSRequest).RotateOnCheckin").AssertSuccess();
        var inSet = shell.Run("(New-PSRequestSet contoso.test 'CONTOSO\\svc-backup' -AccessType View -Reason s).Requests[0].RotateOnCheckin").AssertSuccess();

        Assert.Equal(true, created.SingleValue);
        Assert.Equal(false, plain.SingleValue);
        Assert.Equal(true, marked.SingleValue);
        Assert.Equal(true, listed.SingleValue);
        Assert.Equal(true, waited.SingleValue);
        Assert.Equal(false, inSet.SingleValue);
        Assert.True(emulator.State.ReleaseRequests.Single(q => q.Account.ManagedAccountId == CheckoutSeed.LinuxRoot).RotateOnCheckin);
    }

    [Fact]
    public void E1_AliasRequest_GetPSRequestNamesTheAliasLikeNewPSRequest_WithOneAliasReadPerListing_ThenNoneWhileKept()
    {
        using var shell = emulator.RunnerFor("demo");
        var created = shell.Run("$a = New-PSRequest -AliasName runbook-pair -Reason r; \"$($a.AliasId) $($a.AliasName)\"").AssertSuccess();
        shell.Run("$null = New-PSRequest web01 Administrator -Reason direct").AssertSuccess();

        var first = emulator.State.ApiCalls.Total;
        var listed = shell.Run("Get-PSRequest | ForEach-Object { \"$($_.AccountName) $($_.AliasId) $($_.AliasName)\" }").AssertSuccess();
        var firstCalls = CallsSince(first);
        var second = emulator.State.ApiCalls.Total;
        var again = shell.Run("(Get-PSRequest -RequestId $a.RequestId).AliasName").AssertSuccess();
        var secondCalls = CallsSince(second);

        Assert.Equal("1 runbook-pair", created.SingleValue);
        Assert.Equal(new[] { "rotating-svc 1 runbook-pair", "Administrator  " }, listed.Output.Select(o => o.BaseObject).OrderByDescending(o => o).ToArray());
        Assert.Equal(new[] { "GET Requests", "GET Aliases" }, firstCalls);
        Assert.Equal("runbook-pair", again.SingleValue);
        Assert.Equal(new[] { "GET Requests" }, secondCalls);
    }

    [Fact]
    public void E1_ListingWithoutAliasRequests_ReadsNoAliases()
    {
        using var shell = emulator.RunnerFor("demo");
        shell.Run("$null = New-PSRequest web01 Administrator -Reason direct").AssertSuccess();

        var mark = emulator.State.ApiCalls.Total;
        var listed = shell.Run("Get-PSRequest").AssertSuccess();

        Assert.Null(Assert.Single(listed.Output).Properties["AliasName"].Value);
        Assert.Equal(new[] { "GET Requests" }, CallsSince(mark));
    }

    [Fact]
    public void E1_WaitPSRequestById_TheApprovedAliasRequestCarriesItsAliasName()
    {
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        shell.Run("$p = New-PSRequest -AliasName db-sa -Reason 'quarterly audit' -WarningAction SilentlyContinue").AssertSuccess();
        shell.Run("Get-PSRequest -Queue Approver -Status Pending -Session $Approver | Approve-PSRequest").AssertSuccess();

        var waited = shell.Run("$w = Wait-PSRequest -RequestId $p.RequestId; \"$($w.Status) $($w.AliasId) $($w.AliasName)\"").AssertSuccess();

        Assert.Equal("Active 3 db-sa", waited.SingleValue);
    }

    [Fact]
    public void E1_ApproverWhoMayNotListTheAlias_GetsTheQueueWithoutItsName_NoError()
    {
        // GET Aliases lists only aliases the caller may request: an approver without that role sees the id alone.
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        shell.Run("$null = New-PSRequest -AliasName db-sa -Reason 'quarterly audit' -WarningAction SilentlyContinue").AssertSuccess();

        var queue = shell.Run("Get-PSRequest -Queue Approver -Session $Approver").AssertSuccess();

        var request = Assert.Single(queue.Output);
        Assert.Equal(3, request.Properties["AliasId"].Value);
        Assert.Null(request.Properties["AliasName"].Value);
        Assert.Equal("demo", request.Properties["RequestorName"].Value);
        Assert.Empty(queue.Warnings);
    }

    [Fact]
    public void E1_CallerWhoMayNotListAliases_PollingGetPSRequest_OneFailedAliasReadPerLifetime_VerboseSaysWhyOncePerInvocation()
    {
        // A server whose permissions keep the approver from listing aliases (the emulator's own rules list them): a polling
        // loop must not repeat the refused read.
        using var shell = emulator.RunnerFor("demo");
        emulator.Connect(shell, "approver", sessionVariable: "Approver", makeDefault: false);
        emulator.State.CallRefusals.Add(new CallRefusal("GET", "Aliases", 403, "4031", "approver"));
        shell.Run("$p = New-PSRequest -AliasName db-sa -Reason 'quarterly audit' -WarningAction SilentlyContinue").AssertSuccess();

        var mark = emulator.State.ApiCalls.Total;
        var polled = shell.Run("1..5 | ForEach-Object { Get-PSRequest -Queue Approver -Session $Approver } | ForEach-Object { \"$($_.AliasId) [$($_.AliasName)]\" }").AssertSuccess();
        var aliasReads = emulator.State.ApiCalls.Since(mark).Where(c => c.Method == "GET" && c.Path == "Aliases").ToList();
        var later = emulator.State.ApiCalls.Total;
        var piped = shell.Run("$two = 1..2 | ForEach-Object { [pscustomobject]@{ RequestId = $p.RequestId } }\n" +
                              "$two | Get-PSRequest -Queue Approver -Session $Approver -Verbose").AssertSuccess();
        var again = shell.Run("Get-PSRequest -Queue Approver -Session $Approver -Verbose").AssertSuccess();

        Assert.Equal(Enumerable.Repeat("3 []", 5), polled.Output.Select(o => o.BaseObject));
        Assert.Equal(403, Assert.Single(aliasReads).StatusCode);
        Assert.Empty(polled.Warnings);
        Assert.Empty(polled.Errors);
        Assert.DoesNotContain(CallsSince(later), call => call == "GET Aliases");
        Assert.Equal(2, piped.Output.Count);
        foreach (var invocation in new[] { piped, again })
        {
            var said = Assert.Single(invocation.Verbose, line => line.Contains("AliasName stays empty", StringComparison.Ordinal));
            Assert.Contains("4031", said, StringComparison.Ordinal);
        }
    }
}
