using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Never silently capped, and never endless (issue 3, users.md "paging and large lists"): a server that ignores limit
/// and offset. The tester's repro: a front end answering 1,500 accounts to limit=1000 whatever the offset made
/// Get-PSManagedAccount page offset=1500, 3000, ... for ever, writing the same accounts each time. An answer larger than
/// asked ends the listing with a warning; a page the same as the one before ends it with a non-terminating error. The
/// stub answers ManagedAccounts (any query) with the same list.
/// </summary>
public sealed class IgnoredPagingTests
{
    private static string Accounts(int count) =>
        "[" + string.Join(",", Enumerable.Range(1, count).Select(i =>
            $"{{\"PlatformID\":1,\"SystemId\":{1 + (i / 100)},\"SystemName\":\"s{1 + (i / 100)}\",\"AccountId\":{i},\"AccountName\":\"a{i}\"}}")) + "]";

    private static async Task<(StubApiServer Stub, PowerShellRunner Shell)> StubWith(string accounts)
    {
        var stub = await StubApiServer.StartAsync();
        stub.Respond("ManagedAccounts", 200, "application/json", accounts);
        var shell = stub.NewRunner();
        shell.Run("Connect-PasswordSafe -Uri $StubUri -ApiKey $ApiKey -RunAs demo -ServerCertificateThumbprint $StubThumbprint").AssertSuccess();
        return (stub, shell);
    }

    [Fact]
    public async Task E1_AServerAnswering1500AccountsToLimit1000WhateverTheOffset_ListsThemOnce_AndWarnsThatItIgnoresPaging()
    {
        var (stub, shell) = await StubWith(Accounts(1500));
        await using var _ = stub;
        using var __ = shell;

        var result = shell.Run("$n = 0; Get-PSManagedAccount | ForEach-Object { $n++ }; $n").AssertSuccess();

        Assert.Equal(1500, result.SingleValue);
        Assert.Equal(1, stub.Hits["managedaccounts"]);
        Assert.Contains(result.Warnings, w => w.Contains("answered 1500 accounts where 1000 were asked for: the server ignores paging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task E1_AServerIgnoringLimit_WithFirstSatisfied_NoWarning()
    {
        var (stub, shell) = await StubWith(Accounts(1500));
        await using var _ = stub;
        using var __ = shell;

        var result = shell.Run("@(Get-PSManagedAccount -First 5).Count").AssertSuccess();

        Assert.Equal(5, result.SingleValue);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task E1_AServerAnsweringTheSamePageWhateverTheOffset_EndsWithANonTerminatingError_EachAccountWrittenOnce()
    {
        var (stub, shell) = await StubWith(Accounts(4));
        await using var _ = stub;
        using var __ = shell;

        var result = shell.Run("$ids = @(Get-PSManagedAccount -PageSize 4 | ForEach-Object AccountId); 'after'; $ids.Count");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Contains("answered the same accounts for offset 4 as for the page before: the server ignores offset", error.ToString());
        Assert.Equal(new object[] { "after", 4 }, result.Output.Select(o => o.BaseObject).ToArray());
        Assert.Equal(2, stub.Hits["managedaccounts"]);
    }

    [Fact]
    public async Task E5_AServerAnsweringTheSameSystemsWhateverTheOffset_EndsWithANonTerminatingError_EachSystemWrittenOnce()
    {
        var (stub, shell) = await StubWith(Accounts(1));
        await using var _ = stub;
        using var __ = shell;
        stub.Respond("ManagedSystems", 200, "application/json",
            "{\"TotalCount\":9,\"Data\":[" + string.Join(",", Enumerable.Range(1, 3).Select(i => $"{{\"ManagedSystemID\":{i},\"SystemName\":\"s{i}\"}}")) + "]}");

        var result = shell.Run("$names = @(Get-PSManagedSystem -PageSize 3 | ForEach-Object SystemName); 'after'; $names -join ','");

        var error = result.AssertError("InvalidServerResponse", ErrorCategory.InvalidData);
        Assert.Contains("answered the same systems for offset 3 as for the page before: the server ignores offset", error.ToString());
        Assert.Equal(new object[] { "after", "s1,s2,s3" }, result.Output.Select(o => o.BaseObject).ToArray());
        Assert.Equal(2, stub.Hits["managedsystems"]);
    }
}
