using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>The generated data set: 100,000 accounts load fast, page correctly, and are the same every run.</summary>
public class GeneratedAccountsTests
{
    private readonly ITestOutputHelper _output;

    public GeneratedAccountsTests(ITestOutputHelper output) => _output = output;

    private static EmulatorSeed SeedWith100k()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.Generate = new SeedGenerate { ManagedSystems = 1000, AccountsPerSystem = 100 };
        return seed;
    }

    [Fact]
    public void LoadTimeOf100kAccountsIsPrinted()
    {
        EmulatorState.FromSeed(SeedWith100k()); // warm-up: JIT, JSON metadata
        var watch = Stopwatch.StartNew();
        var state = EmulatorState.FromSeed(SeedWith100k());
        var built = watch.Elapsed;
        var view = state.Catalog.ViewFor(state.FindUserByRunAs(DemoSeed.RunAs)!.UserId);
        var withView = watch.Elapsed;
        _output.WriteLine($"100,000 generated accounts: state built in {built.TotalMilliseconds:F0} ms, first user view in {(withView - built).TotalMilliseconds:F0} ms (target < 2000 ms)");
        Console.WriteLine($"[load-time] 100k accounts: build {built.TotalMilliseconds:F0} ms, view {(withView - built).TotalMilliseconds:F0} ms");
        Assert.Equal(100_000 + 7, state.ManagedAccountCount);
        Assert.Equal(100_000 + DemoSeed.RequestorVisibleAccountCount, view.Listable.Length);
    }

    [Fact]
    public async Task PagingThrough100kAccountsReturnsEachExactlyOnceInOrder()
    {
        await using var emulator = await TestEmulator.StartAsync(SeedWith100k());
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var seen = new HashSet<int>();
        var previous = (System: -1, Account: -1);
        var pages = 0;
        var watch = Stopwatch.StartNew();
        for (var offset = 0; ; offset += 1000)
        {
            var response = await client.GetAsync($"ManagedAccounts?limit=1000&offset={offset}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var page = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            var count = page.RootElement.GetArrayLength();
            if (count == 0) break;
            pages++;
            foreach (var account in page.RootElement.EnumerateArray())
            {
                var key = (account.GetProperty("SystemId").GetInt32(), account.GetProperty("AccountId").GetInt32());
                Assert.True(key.CompareTo(previous) > 0, "accounts come in a stable (system, account) order");
                Assert.True(seen.Add(key.Item2), $"account {key.Item2} appears twice");
                previous = key;
            }
            if (count < 1000) break;
        }
        _output.WriteLine($"{seen.Count} accounts in {pages} pages over HTTPS in {watch.ElapsedMilliseconds} ms");
        Assert.Equal(100_000 + DemoSeed.RequestorVisibleAccountCount, seen.Count);
        Assert.Equal(101, pages);
    }

    [Fact]
    public async Task GeneratedAccountsAreFilterableRequestableAndDeterministic()
    {
        await using var emulator = await TestEmulator.StartAsync(SeedWith100k());
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var one = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?systemName=gen-sys-00500&accountName=gen-acct-0042"));
        Assert.Equal(JsonValueKind.Object, one.ValueKind);
        var systemId = one.GetProperty("SystemId").GetInt32();
        var accountId = one.GetProperty("AccountId").GetInt32();
        var system = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?systemName=GEN-SYS-00500&limit=30&offset=90"));
        Assert.Equal(10, system.GetArrayLength());
        var byWorkgroup = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("ManagedAccounts?workgroupName=Generated&limit=5&offset=99998"));
        Assert.Equal(2, byWorkgroup.GetArrayLength());

        var id = await CheckoutHttp.RequestAsync(client, systemId, accountId);
        var password = JsonSerializer.Deserialize<string>(await client.GetStringAsync($"Credentials/{id}"));
        var state = EmulatorState.FromSeed(SeedWith100k()); // a second load derives the same passwords
        Assert.Equal(state.RevealAccountPassword(accountId), password);
        Assert.Equal(accountId, state.FindManagedAccount("gen-sys-00500", "gen-acct-0042")!.ManagedAccountId);
    }

    [Fact]
    public void GenerateHonoursMaxAccountsAndGroupIds()
    {
        var seed = EmulatorSeed.LoadDemo();
        seed.Generate = new SeedGenerate { ManagedSystems = 3, AccountsPerSystem = 100, MaxAccounts = 250, GroupIDs = [DemoSeed.IsaGroupId] };
        var state = EmulatorState.FromSeed(seed);
        Assert.Equal(250 + 7, state.ManagedAccountCount);
        Assert.Equal(DemoSeed.RequestorVisibleAccountCount, state.Catalog.ViewFor(state.FindUserByRunAs(DemoSeed.RunAs)!.UserId).Listable.Length);
        Assert.Equal(2 + 250, state.Catalog.ViewFor(state.FindUserByRunAs(DemoSeed.IsaUser)!.UserId).Listable.Length);
    }
}
