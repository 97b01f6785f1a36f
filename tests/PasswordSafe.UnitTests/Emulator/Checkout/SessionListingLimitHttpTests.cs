using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;
using PasswordSafe.Emulator.Http;

/// <summary>
/// GET Sessions answers at most 100,000 rows (api-v3 §0, from the API reference) and says nothing of the rest, as the
/// real server does, so the module's warning about a full listing can be tried against the emulator.
/// </summary>
public class SessionListingLimitHttpTests
{
    [Fact]
    public async Task E2_MoreSessionsThanTheLimit_TheListingStopsAtTheLimit_TheFirstById_AFilterStillNarrows()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var user = emulator.State.FindUserByRunAs(DemoSeed.RunAs)!;
        var account = emulator.State.FindManagedAccount(DemoSeed.LinuxAccountId)!;
        var ssh = SessionKind.Parse("SSH")!.Value;
        for (var i = 0; i < SessionEndpoints.MaximumListedSessions + 5; i++)
        {
            emulator.State.Ledger.SessionBook.Add(null, account, user, ssh, emulator.Clock.GetUtcNow());
        }

        // Listed after the limit: only a filter that narrows the rows first finds them.
        var other = emulator.State.FindUserByRunAs("approver")!;
        for (var i = 0; i < 3; i++)
        {
            emulator.State.Ledger.SessionBook.Add(null, account, other, ssh, emulator.Clock.GetUtcNow());
        }

        var listed = (await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Sessions"))).EnumerateArray().Select(s => s.GetProperty("SessionID").GetInt32()).ToList();
        var byUser = (await CheckoutHttp.ReadJsonAsync(await demo.GetAsync($"Sessions?userID={other.UserId}"))).GetArrayLength();

        Assert.Equal(Enumerable.Range(1, SessionEndpoints.MaximumListedSessions), listed);
        Assert.Equal(3, byUser);
    }
}
