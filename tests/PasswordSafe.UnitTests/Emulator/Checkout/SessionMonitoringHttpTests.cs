using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Session monitoring (api-v3 §5.1): GET Sessions and GET Sessions/{id} in the documented shape, who may see and who
/// may lock or terminate a session, the status each call leaves, and a request's end completing its sessions.
/// </summary>
public class SessionMonitoringHttpTests
{
    private static readonly string[] SessionFields =
    {
        "SessionID", "UserID", "NodeID", "Status", "ArchiveStatus", "Protocol", "StartTime", "EndTime", "Duration", "AssetName",
        "ManagedSystemID", "ManagedAccountID", "ManagedAccountName", "RecordKey", "Token", "ApplicationID", "RequestID", "SessionType",
    };

    [Fact]
    public async Task E2_SessionsAreListedInTheDocumentedShape_WithTheTicketsIdAsSessionId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var requestId = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId, ",\"AccessType\":\"SSH\"");
        var ticket = await CheckoutHttp.ReadJsonAsync(await CheckoutHttp.PostJsonAsync(demo, $"Requests/{requestId}/Sessions", "{\"SessionType\":\"SSH\"}"));

        var list = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Sessions"));
        var session = Assert.Single(list.EnumerateArray());

        Assert.Equal(SessionFields, session.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(ticket.GetProperty("ID").GetString(), session.GetProperty("SessionID").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, session.GetProperty("Status").GetInt32());
        Assert.Equal(1, session.GetProperty("Protocol").GetInt32());
        Assert.Equal(DemoSeed.LinuxAccountId, session.GetProperty("ManagedAccountID").GetInt32());
        Assert.Equal(DemoSeed.LinuxAccountName, session.GetProperty("ManagedAccountName").GetString());
        Assert.Equal(DemoSeed.LinuxSystemName, session.GetProperty("AssetName").GetString());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("ManagedSystemID").ValueKind);
        Assert.Equal(requestId, session.GetProperty("RequestID").GetInt32());
        Assert.Equal(JsonValueKind.Null, session.GetProperty("Token").ValueKind);
        Assert.DoesNotContain(ticket.GetProperty("Ticket").GetString()!, list.GetRawText());
        var byId = await CheckoutHttp.ReadJsonAsync(await demo.GetAsync($"Sessions/{session.GetProperty("SessionID").GetInt32()}"));
        Assert.Equal(session.GetRawText(), byId.GetRawText());
    }

    [Fact]
    public async Task E2_CheckInCompletesTheRequestsSessions_AndTheStatusFilterFindsThem()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var requestId = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{requestId}/Sessions", "{\"SessionType\":\"rdpticket\"}");
        emulator.Clock.Advance(System.TimeSpan.FromMinutes(3));

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(demo, $"Requests/{requestId}/Checkin"), HttpStatusCode.NoContent);

        Assert.Empty((await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Sessions?status=0"))).EnumerateArray());
        var completed = Assert.Single((await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Sessions?status=2"))).EnumerateArray());
        Assert.Equal(180, completed.GetProperty("Duration").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, completed.GetProperty("EndTime").ValueKind);
        Assert.Equal(0, completed.GetProperty("Protocol").GetInt32());
        await CheckoutHttp.AssertStatusAsync(await demo.GetAsync("Sessions?status=3"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task E2_LockThenTerminate_ByAnAdministrator_AuditedWithTheirStatus_ThenEndedIsRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var requestId = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{requestId}/Sessions", "{\"SessionType\":\"RDP\"}");
        var id = Assert.Single(emulator.State.AccessSessions).SessionId;

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.NoContent);
        Assert.Equal(SessionStatus.Locked, emulator.State.AccessSessions[0].Status);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Terminate", null), HttpStatusCode.NoContent);
        Assert.Equal(SessionStatus.Completed, emulator.State.AccessSessions[0].Status);

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.BadRequest);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync("Sessions/999/Terminate", null), HttpStatusCode.NotFound);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionLocked);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionTerminated);
    }

    [Fact]
    public async Task E2_IsaHolderSeesAndEndsSessionsOnItsAccountsOnly_ARequestorWithoutRoleIsRefused()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var web = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{web}/Sessions", "{\"SessionType\":\"RDP\"}");
        var linux = await CheckoutHttp.RequestAsync(demo, DemoSeed.LinuxSystemId, DemoSeed.LinuxAccountId, ",\"AccessType\":\"SSH\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{linux}/Sessions", "{\"SessionType\":\"SSH\"}");
        var webSession = emulator.State.AccessSessions.Single(s => s.AccountId == DemoSeed.WindowsAccountId).SessionId;
        var linuxSession = emulator.State.AccessSessions.Single(s => s.AccountId == DemoSeed.LinuxAccountId).SessionId;
        var isa = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.IsaUser);
        var jdoe = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);

        // isa-user holds ISA on web01\Administrator (rule 3), not on lnx01\root.
        var seen = await CheckoutHttp.ReadJsonAsync(await isa.GetAsync("Sessions"));
        Assert.Equal(new[] { webSession }, seen.EnumerateArray().Select(s => s.GetProperty("SessionID").GetInt32()).ToArray());
        await CheckoutHttp.AssertCodeAsync(await isa.GetAsync($"Sessions/{linuxSession}"), HttpStatusCode.Forbidden, "4031");
        await CheckoutHttp.AssertCodeAsync(await isa.PostAsync($"Sessions/{linuxSession}/Terminate", null), HttpStatusCode.Forbidden, "4031");
        await CheckoutHttp.AssertStatusAsync(await isa.PostAsync($"Sessions/{webSession}/Terminate", null), HttpStatusCode.NoContent);
        await CheckoutHttp.AssertCodeAsync(await jdoe.GetAsync("Sessions"), HttpStatusCode.Forbidden, "4031");
        Assert.Equal(SessionStatus.NotStarted, emulator.State.AccessSessions.Single(s => s.SessionId == linuxSession).Status);
    }
}
