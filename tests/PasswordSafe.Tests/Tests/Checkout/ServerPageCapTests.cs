using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Never silently capped (issue 3, users.md "paging and large lists"): a server that serves at most a round number of
/// items per page whatever limit asks (the emulator's MaximumPageSize setting, psPAS #507 on another vendor's server)
/// must not cut a listing short: Get-PSManagedAccount, its total, and Get-PSManagedSystem (whose envelope has a total).
/// </summary>
public sealed class ServerPageCapTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() =>
        emulator = await CheckoutEmulator.StartAsync(seed =>
            seed["Generate"] = new JsonObject { ["ManagedSystems"] = 3, ["AccountsPerSystem"] = 100, ["GroupIDs"] = new JsonArray(10) });

    public Task DisposeAsync() => emulator.DisposeAsync();

    [Fact]
    public void E1_AServerCappingPagesAt100_TheListingStillHasEveryAccount_AndVerboseSaysWhy()
    {
        using var shell = emulator.RunnerFor("demo");
        var uncapped = (int)shell.Run("@(Get-PSManagedAccount).Count").AssertSuccess().SingleValue!;
        Assert.True(uncapped > 300, "the seed needs more accounts than three capped pages");
        emulator.State.Settings = emulator.State.Settings with { MaximumPageSize = 100 };

        var capped = shell.Run("@(Get-PSManagedAccount -PageSize 1000 -Verbose).Count").AssertSuccess();
        var total = shell.Run("(Get-PSManagedAccount -First 5 -IncludeTotalCount)[-1].ToString()").AssertSuccess();

        Assert.Equal(uncapped, capped.Output[0].BaseObject);
        Assert.Contains(capped.Verbose, l => l.Contains("The server returned 100 accounts where 1000 were asked for: it may cap its pages", StringComparison.Ordinal));
        Assert.Equal($"Total count: {uncapped}", total.SingleValue);
    }

    [Fact]
    public void E5_AServerCappingPages_TheSystemListingFollowsTheEnvelopesTotal()
    {
        using var shell = emulator.RunnerFor("admin");
        var all = emulator.State.ManagedSystems.Select(s => s.SystemName).ToList();
        emulator.State.Settings = emulator.State.Settings with { MaximumPageSize = 3 };

        var result = shell.Run("Get-PSManagedSystem -PageSize 1000 | ForEach-Object SystemName").AssertSuccess();

        Assert.Equal(all, result.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void E5_AServerCappingPages_SystemNameCompletionOffersSystemsBeyondTheFirstPage()
    {
        using var shell = emulator.RunnerFor("admin");
        var all = emulator.State.ManagedSystems.Select(s => s.SystemName).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToList();
        Assert.True(all.Count > 6, "the seed needs more systems than two capped pages");
        emulator.State.Settings = emulator.State.Settings with { MaximumPageSize = 3 };
        const string line = "Get-PSManagedSystem -Name ";

        var offered = shell.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object ListItemText")
            .AssertSuccess().Output.Select(o => o.ToString()!).ToList();

        Assert.Equal(all, offered);
    }
}
