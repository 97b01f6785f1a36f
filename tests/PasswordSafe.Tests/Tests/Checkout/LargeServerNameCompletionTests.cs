using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Tab completion on a server with more requestable accounts than one completion page (10,000) and than the 5,000 that
/// completion once read at most: the checkout seed generating 120 systems of 100 accounts (gen-sys-00001…00120, in id
/// order after the seed's own systems), requestable by demo's group. Every name that exists is offered, also one
/// listed beyond the first page; through TabExpansion2 as the console asks.
/// </summary>
public sealed class LargeServerNameCompletionTests : IAsyncLifetime
{
    private const int Systems = 120;

    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() =>
        emulator = await CheckoutEmulator.StartAsync(seed =>
            seed["Generate"] = new JsonObject { ["ManagedSystems"] = Systems, ["AccountsPerSystem"] = 100, ["GroupIDs"] = new JsonArray(10) });

    public Task DisposeAsync() => emulator.DisposeAsync();

    /// <summary>
    /// What Tab offers at the end of <paramref name="line"/>, pressed again while it offers nothing: a Tab reads pages for
    /// about 2 s and the next goes on from there, so on a busy machine a name beyond the first page may take another.
    /// </summary>
    private static string[] Complete(PowerShellRunner shell, string line)
    {
        var matches = new string[0];
        for (var tab = 0; tab < 3 && matches.Length == 0; tab++)
        {
            matches = shell.Run($"(TabExpansion2 -inputScript '{line}' -cursorColumn {line.Length}).CompletionMatches | ForEach-Object CompletionText")
                .AssertSuccess().Output.Select(o => o.ToString()!).ToArray();
        }

        return matches;
    }

    [Fact]
    public void E1_SystemName_OffersSystemsListedBeyondTheFirstPage()
    {
        using var shell = emulator.RunnerFor("demo");

        var last = Complete(shell, "Get-PSManagedAccount -SystemName gen-sys-0012");
        var early = Complete(shell, "New-PSRequest -SystemName gen-sys-000");

        // gen-sys-00120's accounts are listed at about 12,000: beyond the first page, and beyond the old 5,000.
        Assert.Equal(new[] { "gen-sys-00120" }, last);
        Assert.Equal(Enumerable.Range(1, 99).Select(i => $"gen-sys-{i:00000}"), early);
    }

    [Fact]
    public void E1_AccountName_OnASystemPattern_OffersAccountsOfSystemsBeyondTheFirstPage()
    {
        using var shell = emulator.RunnerFor("demo");

        var onPattern = Complete(shell, "Get-PSManagedAccount -SystemName gen-sys-0012* -AccountName gen-acct-010");

        Assert.Equal(new[] { "gen-acct-0100" }, onPattern);
    }
}
