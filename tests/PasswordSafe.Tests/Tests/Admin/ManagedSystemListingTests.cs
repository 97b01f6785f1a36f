using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Admin;

/// <summary>
/// Get-PSManagedSystem's listing (api-v3 §0, §6.3): it always pages with limit/offset, because without limit the server
/// stops at 100,000 systems without saying so; pages stream, -First/-Skip map onto them (nothing beyond -First is
/// downloaded), -IncludeTotalCount is the server's total, and a pattern in -Name counts the matches.
/// </summary>
public sealed class ManagedSystemListingTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    private List<string> AllNames() => emulator.State.ManagedSystems.Select(s => s.SystemName).ToList();

    private static List<string> Gets(PowerShellResult result) =>
        result.Verbose.Where(l => l.StartsWith("GET ", StringComparison.Ordinal) && l.Contains("/ManagedSystems?", StringComparison.Ordinal)).ToList();

    [Fact]
    public void E5_TheWholeListing_ComesInPagesOfPageSize_EverySystemOnce_WithProgress()
    {
        using var shell = emulator.RunnerFor("admin");
        var all = AllNames();
        Assert.True(all.Count >= 5, "the seed needs a few systems for pages of 2");

        var result = shell.Run("Get-PSManagedSystem -PageSize 2 -Verbose | ForEach-Object SystemName").AssertSuccess();

        Assert.Equal(all, result.Output.Select(o => (string)o.BaseObject));
        var gets = Gets(result);
        Assert.Equal((all.Count + 1) / 2, gets.Count);
        Assert.All(gets, g => Assert.Contains("limit=2&offset=", g, StringComparison.Ordinal));
        var progress = result.HostWrites.Where(l => l.StartsWith("PROGRESS: Listing managed systems", StringComparison.Ordinal)).ToList();
        Assert.Contains(progress, l => l.Contains($"2 of {all.Count} systems so far (1 page)", StringComparison.Ordinal));
    }

    [Fact]
    public void E5_NoListingIsSentWithoutLimit_SoTheServersSilentCapNeverApplies()
    {
        using var shell = emulator.RunnerFor("admin");

        var result = shell.Run("Get-PSManagedSystem -Verbose; Get-PSManagedSystem -Name web01 -Verbose").AssertSuccess();

        var gets = Gets(result);
        Assert.Equal(2, gets.Count);
        Assert.All(gets, g => Assert.Contains("limit=1000&offset=0", g, StringComparison.Ordinal));
        Assert.Contains(gets, g => g.Contains("name=web01&", StringComparison.Ordinal));
        Assert.Equal(AllNames().Count + 1, result.Output.Count);
    }

    [Fact]
    public void E5_SkipAndFirst_AreTheOffsetAndTheLastPage_NothingBeyondFirstIsDownloaded_NoProgressForOnePage()
    {
        using var shell = emulator.RunnerFor("admin");
        var all = AllNames();

        var paged = shell.Run("Get-PSManagedSystem -Skip 1 -First 3 -PageSize 2 -Verbose | ForEach-Object SystemName").AssertSuccess();
        using var fresh = emulator.RunnerFor("admin"); // host writes add up over a runner's runs
        var single = fresh.Run("Get-PSManagedSystem -Skip 2 -First 2 -Verbose | ForEach-Object SystemName").AssertSuccess();

        Assert.Equal(all.Skip(1).Take(3), paged.Output.Select(o => (string)o.BaseObject));
        var gets = Gets(paged);
        Assert.Equal(2, gets.Count);
        Assert.Contains("limit=2&offset=1", gets[0], StringComparison.Ordinal);
        Assert.Contains("limit=1&offset=3", gets[1], StringComparison.Ordinal);
        Assert.Equal(all.Skip(2).Take(2), single.Output.Select(o => (string)o.BaseObject));
        Assert.Contains("limit=2&offset=2", Assert.Single(Gets(single)), StringComparison.Ordinal);
        Assert.DoesNotContain(single.HostWrites, l => l.StartsWith("PROGRESS:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("-First 0", 0)]
    [InlineData("-Skip 2", -2)]
    [InlineData("-Skip 999", 0)]
    public void E5_IncludeTotalCount_IsTheServersTotal_WhateverSkipAndFirstLeaveOut(string paging, int listedFromEnd)
    {
        using var shell = emulator.RunnerFor("admin");
        var count = AllNames().Count;

        var result = shell.Run($"$all = @(Get-PSManagedSystem {paging} -IncludeTotalCount -Verbose)\n$all.Count - 1; $all[-1].ToString()").AssertSuccess();

        Assert.Equal(listedFromEnd < 0 ? count + listedFromEnd : listedFromEnd, result.Output[0].BaseObject);
        Assert.Equal($"Total count: {count}", result.Output[1].BaseObject);
        if (paging == "-First 0")
        {
            // Only the total is wanted: one call for one system.
            Assert.Contains("limit=1&offset=0", Assert.Single(Gets(result)), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void E5_APatternReadsEveryPage_AndSkipFirstAndTotalCountTheMatches()
    {
        using var shell = emulator.RunnerFor("admin");
        var matches = AllNames().Where(n => n.Contains('0', StringComparison.Ordinal)).ToList();
        Assert.True(matches.Count >= 3, "the seed needs three systems with a 0 in the name");

        var result = shell.Run("$all = @(Get-PSManagedSystem -Name '*0*' -Skip 1 -First 1 -PageSize 2 -IncludeTotalCount)\n" +
                               "$all[0].SystemName; $all[-1].ToString(); $all.Count").AssertSuccess();

        Assert.Equal(matches[1], result.Output[0].BaseObject);
        Assert.Equal($"Total count: {matches.Count}", result.Output[1].BaseObject);
        Assert.Equal(2, result.Output[2].BaseObject);
    }

    [Fact]
    public void E5_AnExactNameNoSystemHas_IsStillObjectNotFound_APatternThatMatchesNothingIsEmpty()
    {
        using var shell = emulator.RunnerFor("admin");

        var missing = shell.Run("Get-PSManagedSystem -Name nosuch01");
        var pattern = shell.Run("Get-PSManagedSystem -Name 'nosuch*'").AssertSuccess();

        Assert.Equal("nosuch01", missing.AssertError("ObjectNotFound", ErrorCategory.ObjectNotFound).TargetObject);
        Assert.Empty(pattern.Output);
    }

    [Fact]
    public void E5_TheViewsTheApiDoesNotPage_SkipAndFirstCountAcrossPipedIds()
    {
        using var shell = emulator.RunnerFor("admin");
        var ids = emulator.State.ManagedSystems.Take(3).Select(s => s.ManagedSystemId).ToArray();
        shell.SetVariable("Ids", ids);

        var result = shell.Run("$all = @($Ids | ForEach-Object { [pscustomobject]@{ ManagedSystemId = $_ } } | Get-PSManagedSystem -Skip 1 -First 1 -IncludeTotalCount)\n" +
                               "$all[0].ManagedSystemId; $all[-1].ToString(); $all.Count").AssertSuccess();

        Assert.Equal(ids[1], result.Output[0].BaseObject);
        Assert.Equal("Total count: 3", result.Output[1].BaseObject);
        Assert.Equal(2, result.Output[2].BaseObject);
    }

    [Fact]
    public async Task E5_AServerThatIgnoresLimit_AnswersTheWholeListOnce_SkipAndFirstApplyHere()
    {
        await using var stub = await StubApiServer.StartAsync();
        stub.Respond("ManagedSystems", 200, "application/json",
            "[" + string.Join(",", Enumerable.Range(1, 5).Select(i => $"{{\"ManagedSystemID\":{i},\"SystemName\":\"s{i}\"}}")) + "]");
        using var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();

        var result = shell.Run("@(Get-PSManagedSystem -Skip 1 -First 2 -PageSize 2 | ForEach-Object SystemName) -join ','").AssertSuccess();
        var total = shell.Run("(Get-PSManagedSystem -First 0 -IncludeTotalCount).ToString()").AssertSuccess();

        Assert.Equal("s2,s3", result.SingleValue);
        Assert.Equal(2, stub.Hits["managedsystems"]); // one call per command: the bare list is never asked for again
        Assert.Equal("Total count: 5", total.SingleValue);
    }
}
