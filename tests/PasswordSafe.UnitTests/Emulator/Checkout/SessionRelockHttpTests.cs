using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Locking a locked session again (api-v3 §5.1 POST Sessions/{id}/Lock; the reference gives no answer for it [I]) is what
/// a repeat by target is: 204, nothing changes and nothing more is audited; an ended session is still 400.
/// </summary>
public class SessionRelockHttpTests
{
    [Fact]
    public async Task LockingALockedSessionAgain_Is204_ChangesNothing_AuditsOnce_LikeARepeatByTarget()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var requestId = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{requestId}/Sessions", "{\"SessionType\":\"RDP\"}");
        var id = Assert.Single(emulator.State.AccessSessions).SessionId;

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"ManagedAccounts/{DemoSeed.WindowsAccountId}/Sessions/Lock", null), HttpStatusCode.NoContent);

        Assert.Equal(SessionStatus.Locked, emulator.State.AccessSessions[0].Status);
        Assert.Single(emulator.State.Audit, e => e.Kind == AuditKinds.SessionLocked);

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Terminate", null), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.BadRequest);
        Assert.Single(emulator.State.Audit, e => e.Kind == AuditKinds.SessionLocked);
    }
}
