using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// What the server does on its own — a request expiring (E1), the password rotated at that expiry, a queued password
/// change running — is audited for the user it concerns (the requestor, who queued the change) with Actor "System",
/// so <c>/emulator/audit?user=</c> shows it.
/// </summary>
public class SystemAuditEntryHttpTests
{
    [Theory]
    [InlineData(DemoSeed.RunAs, DemoSeed.RunAs, DemoSeed.RunAs)]
    [InlineData(DemoSeed.DirectoryRunAs, "jdoe", DemoSeed.DirectoryRunAs)]
    public async Task E1_RequestExpiry_AndRotationAtExpiry_AreTheRequestorsEntries_ByTheSystem(string runAs, string filter, string recorded)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var user = await CheckoutHttp.SignedInAsync(emulator, runAs);
        var requestId = await CheckoutHttp.RequestAsync(user, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, durationMinutes: 10);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(user, $"Requests/{requestId}/RotateOnCheckin"), HttpStatusCode.NoContent);
        await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 11}");
        Assert.Equal(RequestStatus.Expired, emulator.State.FindRequest(requestId)!.Status);

        var entries = (await CheckoutHttp.ReadJsonAsync(await control.GetAsync($"emulator/audit?user={filter}"))).EnumerateArray().ToList();

        var expired = Assert.Single(entries, e => e.GetProperty("Kind").GetString() == AuditKinds.RequestExpired);
        var rotated = Assert.Single(entries, e => e.GetProperty("Kind").GetString() == AuditKinds.PasswordRotated);
        foreach (var entry in new[] { expired, rotated })
        {
            Assert.Equal(recorded, entry.GetProperty("UserName").GetString());
            Assert.Equal(AuditEntry.SystemActor, entry.GetProperty("Actor").GetString());
        }
        // What the user did themselves has no Actor.
        var created = Assert.Single(entries, e => e.GetProperty("Kind").GetString() == AuditKinds.RequestCreated);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, created.GetProperty("Actor").ValueKind);
    }

    [Fact]
    public async Task AQueuedPasswordChange_RunsAsTheSystem_ForWhoQueuedIt()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var control = emulator.NewControlClient();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PostJsonAsync(demo, $"ManagedAccounts/{DemoSeed.WindowsAccountId}/Credentials/Change", "{\"Queue\": true}"), HttpStatusCode.NoContent);
        await CheckoutHttp.PostJsonAsync(control, "emulator/clock", "{\"AdvanceMinutes\": 2}");
        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}"), HttpStatusCode.OK);

        var rotated = Assert.Single(emulator.State.Audit, e => e.Kind == AuditKinds.PasswordRotated);

        Assert.Equal(DemoSeed.RunAs, rotated.UserName);
        Assert.Equal(AuditEntry.SystemActor, rotated.Actor);
        Assert.Contains("(queued change)", rotated.Reason);
    }
}
