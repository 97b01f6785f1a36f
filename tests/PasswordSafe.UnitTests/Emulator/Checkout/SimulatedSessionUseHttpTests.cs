using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// The emulator has no session proxy, so nobody connects with a ticket; POST /emulator/sessions/{id}/connect and /logoff
/// stand in for the session's user. A connected session is InProgress (status 1) from the connect time, the API's Lock and
/// Terminate act on it as on any open session, and logging off ends it as LoggedOff (8); each step is audited.
/// </summary>
public class SimulatedSessionUseHttpTests
{
    private static async Task<(TestEmulator Emulator, System.Net.Http.HttpClient Demo, int SessionId)> OneRdpSessionAsync()
    {
        var emulator = await TestEmulator.StartAsync();
        var demo = await CheckoutHttp.SignedInAsync(emulator);
        var requestId = await CheckoutHttp.RequestAsync(demo, DemoSeed.WindowsSystemId, DemoSeed.WindowsAccountId, ",\"AccessType\":\"RDP\"");
        await CheckoutHttp.PostJsonAsync(demo, $"Requests/{requestId}/Sessions", "{\"SessionType\":\"rdpticket\"}");
        return (emulator, demo, Assert.Single(emulator.State.AccessSessions).SessionId);
    }

    [Fact]
    public async Task E2_Connect_MakesTheSessionInProgressFromThatMoment_ListedByStatus1_AndAudited()
    {
        var (emulator, demo, id) = await OneRdpSessionAsync();
        await using var _ = emulator;
        emulator.Clock.Advance(TimeSpan.FromMinutes(2));
        var connectedAt = emulator.Clock.GetUtcNow();

        var answer = await CheckoutHttp.ReadJsonAsync(await demo.PostAsync($"/emulator/sessions/{id}/connect", null));

        Assert.Equal(1, answer.GetProperty("Status").GetInt32());
        var listed = Assert.Single((await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Sessions?status=1"))).EnumerateArray());
        Assert.Equal(id, listed.GetProperty("SessionID").GetInt32());
        // The emulator's clock runs on from the advanced time, so the connect happened at connectedAt or a moment later.
        var startTime = listed.GetProperty("StartTime").GetDateTime().ToUniversalTime();
        Assert.InRange(startTime, connectedAt.UtcDateTime, connectedAt.UtcDateTime.AddSeconds(30));
        Assert.Empty((await CheckoutHttp.ReadJsonAsync(await demo.GetAsync("Sessions?status=0"))).EnumerateArray());
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionConnected && e.UserName == DemoSeed.RunAs && (e.Reason ?? "").Contains($"session {id} "));
    }

    [Fact]
    public async Task E2_LogOff_EndsASessionInProgress_AsLoggedOff_WithItsDuration_ThenLockIsRefused()
    {
        var (emulator, demo, id) = await OneRdpSessionAsync();
        await using var _ = emulator;
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"/emulator/sessions/{id}/connect", null), HttpStatusCode.OK);
        emulator.Clock.Advance(TimeSpan.FromMinutes(5));

        var answer = await CheckoutHttp.ReadJsonAsync(await demo.PostAsync($"/emulator/sessions/{id}/logoff", null));

        Assert.Equal(8, answer.GetProperty("Status").GetInt32());
        Assert.Equal(300, answer.GetProperty("Duration").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, answer.GetProperty("EndTime").ValueKind);
        Assert.Equal(SessionStatus.LoggedOff, emulator.State.AccessSessions[0].Status);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.BadRequest);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.SessionLoggedOff);
    }

    [Fact]
    public async Task E2_ASessionInProgress_IsLockedAndTerminatedByTheApi_LikeAnyOpenSession()
    {
        var (emulator, demo, id) = await OneRdpSessionAsync();
        await using var _ = emulator;
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"/emulator/sessions/{id}/connect", null), HttpStatusCode.OK);

        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Lock", null), HttpStatusCode.NoContent);
        Assert.Equal(SessionStatus.Locked, emulator.State.AccessSessions[0].Status);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"/emulator/sessions/{id}/logoff", null), HttpStatusCode.BadRequest);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"Sessions/{id}/Terminate", null), HttpStatusCode.NoContent);
        Assert.Equal(SessionStatus.Completed, emulator.State.AccessSessions[0].Status);
    }

    [Fact]
    public async Task E2_OnlyASessionNotStartedConnects_OnlyOneInProgressLogsOff_UnknownIs404()
    {
        var (emulator, demo, id) = await OneRdpSessionAsync();
        await using var _ = emulator;

        var early = await demo.PostAsync($"/emulator/sessions/{id}/logoff", null);
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"/emulator/sessions/{id}/connect", null), HttpStatusCode.OK);
        var twice = await demo.PostAsync($"/emulator/sessions/{id}/connect", null);

        await CheckoutHttp.AssertStatusAsync(early, HttpStatusCode.BadRequest);
        Assert.Contains("NotStarted", await early.Content.ReadAsStringAsync());
        await CheckoutHttp.AssertStatusAsync(twice, HttpStatusCode.BadRequest);
        Assert.Contains("InProgress", await twice.Content.ReadAsStringAsync());
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync("/emulator/sessions/999/connect", null), HttpStatusCode.NotFound);
        Assert.Single(emulator.State.Audit, e => e.Kind == AuditKinds.SessionConnected);
    }

    [Fact]
    public async Task E2_CheckingInTheRequest_CompletesASessionInProgress()
    {
        var (emulator, demo, id) = await OneRdpSessionAsync();
        await using var _ = emulator;
        await CheckoutHttp.AssertStatusAsync(await demo.PostAsync($"/emulator/sessions/{id}/connect", null), HttpStatusCode.OK);
        var requestId = emulator.State.AccessSessions[0].RequestId!.Value;

        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(demo, $"Requests/{requestId}/Checkin"), HttpStatusCode.NoContent);

        Assert.Equal(SessionStatus.Completed, emulator.State.AccessSessions.Single(s => s.SessionId == id).Status);
    }
}
