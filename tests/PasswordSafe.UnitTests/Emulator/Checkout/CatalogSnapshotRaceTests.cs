using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Provisioning (E5) swaps in a rebuilt account catalog while checkout calls (E1–E3) read the old one. Every call
/// must answer from ONE catalog snapshot: positions of a newer catalog must never index an older one's arrays or
/// views. The deterministic tests rebuild the catalog exactly between "snapshot taken" and "positions read" through
/// <see cref="EmulatorState.AfterCatalogSnapshotForTests"/>; the stress test does it with real concurrency.
/// Demo catalog order (system id, account id): web01/1, web01/6, db01/2, contoso/3, lnx01/4, lnx01/7, app01/5, so an
/// account added to or removed from web01 moves every later account by one position.
/// </summary>
public class CatalogSnapshotRaceTests
{
    private static readonly int[] RequestorVisible = [1, 2, 3, 4, 5];

    [Fact]
    public async Task E1_E5_ListingBySystemNameListsThatSystemWhenAnAccountIsAddedInFrontMidCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        RebuildOnceMidCall(emulator.State, state => AddSpareAccount(state, "spare-in-front"));

        var listed = await CheckoutHttp.ReadJsonAsync(await jdoe.GetAsync($"ManagedAccounts?systemName={DemoSeed.LinuxSystemName}"));

        Assert.Equal(new[] { (DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId) }, Keys(listed));
        Assert.Null(emulator.State.AfterCatalogSnapshotForTests); // the rebuild really happened mid-call
    }

    [Fact]
    public async Task E1_E5_ListingBySystemNameListsThatSystemWhenAnAccountInFrontIsDeletedMidCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var spare = AddSpareAccount(emulator.State, "spare-deleted");
        RebuildOnceMidCall(emulator.State, state => Assert.True(state.DeleteAccount(spare, Admin(state)).Succeeded));

        var listed = await CheckoutHttp.ReadJsonAsync(await jdoe.GetAsync("ManagedAccounts?systemName=app01"));

        Assert.Equal(new[] { (DemoSeed.ApplicationSystemId, DemoSeed.ApplicationAccountId) }, Keys(listed));
    }

    [Fact]
    public async Task E3_E5_IsaFlagOfListedAccountsIsTheCallersOwnRoleWhenTheCatalogIsRebuiltMidCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        RebuildOnceMidCall(emulator.State, state => AddSpareAccount(state, "spare-isa"));

        var listed = await CheckoutHttp.ReadJsonAsync(await isa.GetAsync("ManagedAccounts"));

        Assert.Equal(new[] { DemoSeed.WindowsAccountId, DemoSeed.IsaOnlyAccountId }, listed.EnumerateArray().Select(a => a.GetProperty("AccountId").GetInt32()));
        Assert.All(listed.EnumerateArray(), a => Assert.True(a.GetProperty("IsISAAccess").GetBoolean(), $"account {a.GetProperty("AccountId")} lost its ISA flag"));
    }

    [Fact]
    public async Task E1_E5_RequestForARequestableAccountIsAllowedWhenAnAccountIsAddedInFrontMidCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        RebuildOnceMidCall(emulator.State, state => AddSpareAccount(state, "spare-request"));

        // lnx01/root moves onto lnx01/deploy's old position, where jdoe has no role.
        var id = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId);

        Assert.Equal(RequestStatus.Active, emulator.State.FindRequest(id)!.Status);
    }

    [Fact]
    public async Task E1_E5_RequestForAnAccountWithoutARoleIsRefusedWhenAnAccountInFrontIsDeletedMidCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var spare = AddSpareAccount(emulator.State, "spare-refused");
        RebuildOnceMidCall(emulator.State, state => Assert.True(state.DeleteAccount(spare, Admin(state)).Succeeded));

        // lnx01/deploy moves onto lnx01/root's old position, where jdoe is a requestor.
        var response = await CheckoutHttp.PostJsonAsync(jdoe, "Requests",
            $$"""{"SystemID":{{DemoSeed.LinuxSystemId}},"AccountID":{{DemoSeed.IsaOnlyAccountId}},"DurationMinutes":60,"Reason":"test"}""");

        await CheckoutHttp.AssertCodeAsync(response, HttpStatusCode.Forbidden, "4031");
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public async Task E1_E5_RequestUsesTheAccessPolicyOfTheRequestedAccountWhenAnAccountIsAddedInFrontMidCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        RebuildOnceMidCall(emulator.State, state => AddSpareAccount(state, "spare-policy"));

        // db01/sa (policy 2, one approver) moves onto contoso/svc-backup's old position (policy 1, auto-approved).
        var id = await CheckoutHttp.RequestAsync(jdoe, DemoSeed.DatabaseSystemId, DemoSeed.DatabaseAccountId);

        Assert.Equal(RequestStatus.Pending, emulator.State.FindRequest(id)!.Status);
    }

    [Fact]
    public void E5_AViewTakenBeforeARebuildStillAnswersFromItsOwnSnapshotAndDeletedAccountsHaveNoRoleAfterwards()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.LoadDemo());
        var jdoe = state.FindUserByRunAs(DemoSeed.DirectoryRunAs)!.UserId;
        var root = state.FindManagedAccount(DemoSeed.LinuxAccountId)!;
        var spare = AddSpareAccount(state, "spare-old-view");
        var before = state.CheckoutView(jdoe);

        Assert.True(state.DeleteAccount(spare, Admin(state)).Succeeded);
        AddSpareAccount(state, "spare-after");

        var page = new List<ManagedAccount>();
        before.Page(new AccountFilter { SystemName = DemoSeed.LinuxSystemName }, 0, 10, page);
        Assert.Equal(new[] { root }, page);
        Assert.Equal(1, before.RequestPolicyFor(root)!.AccessPolicyId);
        Assert.Null(before.RequestPolicyFor(state.FindManagedAccount(DemoSeed.IsaOnlyAccountId)!));
        var after = state.CheckoutView(jdoe);
        Assert.NotSame(before.Catalog, after.Catalog);
        Assert.Throws<InvalidOperationException>(() => after.Catalog.Page(before, new AccountFilter(), 0, 10, page));
        var deleted = before.FindAccount(spare)!;
        Assert.Null(after.FindAccount(spare));
        Assert.Equal(-1, after.Catalog.PositionOf(deleted));
        Assert.False(after.Has(deleted, SmartRuleRoles.None));
    }

    [Fact]
    public async Task E1_E5_ConcurrentListingsAndRequestsStayConsistentWhileAccountsAndSystemsAreProvisioned()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var state = emulator.State;
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var trueSystemOf = Enumerable.Range(1, 7).ToDictionary(id => id, id => state.FindManagedAccount(id)!.System.ManagedSystemId);
        using var stop = new CancellationTokenSource();
        var rebuilds = 0;

        // Accounts come and go on web01 (in front of every listed one); systems come and go at the end.
        var provisioner = Task.Run(() =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var spare = AddSpareAccount(state, $"churn-{n}");
                Assert.True(state.DeleteAccount(spare, Admin(state)).Succeeded);
                if (n % 4 == 0)
                {
                    var system = AddSystem(state, $"churn-sys-{n}");
                    Assert.True(state.DeleteSystem(system, Admin(state)).Succeeded);
                    rebuilds += 2;
                }
                rebuilds += 2;
            }
        });

        var problems = new ConcurrentQueue<string>();
        var watch = Stopwatch.StartNew();
        var rounds = 0;
        try
        {
            while (rounds < 60 || (watch.Elapsed < TimeSpan.FromSeconds(1) && rounds < 400))
            {
                rounds++;
                await Task.WhenAll(
                    ExpectListingAsync(jdoe, $"ManagedAccounts?systemName={DemoSeed.LinuxSystemName}", [DemoSeed.LinuxAccountId], isaExpected: false),
                    ExpectListingAsync(jdoe, "ManagedAccounts?systemName=app01", [DemoSeed.ApplicationAccountId], isaExpected: false),
                    ExpectListingAsync(jdoe, "ManagedAccounts", RequestorVisible, isaExpected: false),
                    ExpectListingAsync(isa, "ManagedAccounts", [DemoSeed.WindowsAccountId, DemoSeed.IsaOnlyAccountId], isaExpected: true),
                    ExpectRequestAsync(jdoe, DemoSeed.LinuxAccountId, DemoSeed.LinuxSystemId, HttpStatusCode.Created, HttpStatusCode.OK),
                    ExpectRequestAsync(jdoe, DemoSeed.IsaOnlyAccountId, DemoSeed.LinuxSystemId, HttpStatusCode.Forbidden));
                Assert.False(provisioner.IsFaulted, "the provisioning thread failed");
                if (!problems.IsEmpty) break;
            }
        }
        finally
        {
            stop.Cancel();
            await provisioner;
        }

        Assert.True(problems.IsEmpty, $"after {rounds} rounds and {rebuilds} catalog rebuilds: " + string.Join("; ", problems.Take(5)));
        Assert.True(rebuilds > rounds, $"only {rebuilds} rebuilds in {rounds} rounds: provisioning did not overlap the reads");
        Assert.Equal(7, state.ManagedAccountCount);

        async Task ExpectListingAsync(HttpClient client, string path, int[] expectedIds, bool isaExpected)
        {
            var response = await client.GetAsync(path);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Enqueue($"{path} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                return;
            }
            var listed = await CheckoutHttp.ReadJsonAsync(response);
            var ids = listed.EnumerateArray().Select(a => a.GetProperty("AccountId").GetInt32()).ToArray();
            if (!ids.SequenceEqual(expectedIds)) problems.Enqueue($"{path} listed [{string.Join(",", ids)}], expected [{string.Join(",", expectedIds)}]");
            foreach (var account in listed.EnumerateArray())
            {
                var id = account.GetProperty("AccountId").GetInt32();
                if (trueSystemOf.TryGetValue(id, out var system) && account.GetProperty("SystemId").GetInt32() != system)
                    problems.Enqueue($"{path}: account {id} listed with SystemId {account.GetProperty("SystemId")}");
                if (account.GetProperty("IsISAAccess").GetBoolean() != isaExpected)
                    problems.Enqueue($"{path}: account {id} listed with IsISAAccess {!isaExpected}");
            }
        }

        async Task ExpectRequestAsync(HttpClient client, int accountId, int systemId, params HttpStatusCode[] allowed)
        {
            var response = await CheckoutHttp.PostJsonAsync(client, "Requests",
                $$"""{"SystemID":{{systemId}},"AccountID":{{accountId}},"DurationMinutes":60,"Reason":"race","ConflictOption":"reuse"}""");
            if (!allowed.Contains(response.StatusCode))
                problems.Enqueue($"POST Requests for account {accountId} answered {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Runs <paramref name="rebuild"/> once, inside the next checkout call, right after it took its snapshot.</summary>
    private static void RebuildOnceMidCall(EmulatorState state, Action<EmulatorState> rebuild)
    {
        state.AfterCatalogSnapshotForTests = () =>
        {
            state.AfterCatalogSnapshotForTests = null;
            rebuild(state);
        };
    }

    /// <summary>An account on web01 (system 1, first in catalog order), not API-enabled so no listing changes: it only moves positions.</summary>
    private static int AddSpareAccount(EmulatorState state, string name)
    {
        var created = state.CreateAccount(DemoSeed.WindowsSystemId,
            new Dictionary<string, object?> { ["AccountName"] = name, ["Password"] = "Spare-Passw0rd!", ["ApiEnabled"] = false }, Admin(state));
        Assert.True(created.Succeeded, created.Error);
        return created.Value!.ManagedAccountId;
    }

    private static int AddSystem(EmulatorState state, string hostName)
    {
        var created = state.CreateSystemInWorkgroup(state.Workgroups[0], new Dictionary<string, object?> { ["PlatformID"] = 1 },
            new Dictionary<string, object?> { ["HostName"] = hostName, ["IPAddress"] = "10.9.9.9" }, Admin(state));
        Assert.True(created.Succeeded, created.Error);
        return created.Value!.ManagedSystemId;
    }

    private static Caller Admin(EmulatorState state) => new(state.FindUserByRunAs(DemoSeed.RunAs)!, DemoSeed.ApiKeyRegistrationId, "127.0.0.1");

    private static IEnumerable<(int System, int Account)> Keys(JsonElement listed) =>
        listed.EnumerateArray().Select(a => (a.GetProperty("SystemId").GetInt32(), a.GetProperty("AccountId").GetInt32()));
}
