using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Access policies with several schedules over HTTP (api-v3 §3.2 AccessPolicyScheduleID, §3.4, §6.4): the demo's
/// policy 1 is replaced by "Shifts" — schedule 10 any time (reason, one approver, View/SSH), 11 Monday–Friday
/// 08:00–18:00 UTC (View auto-approved, at most one open), 12 Saturday 22:00–02:00 UTC (RDP) — and the emulator
/// clock is moved to the moment each test needs.
/// </summary>
public class AccessPolicyScheduleHttpTests
{
    private const string WebAdminView = "\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"Reason\":\"shift\"";

    private static EmulatorSeed ShiftsSeed()
    {
        var seed = EmulatorSeed.LoadDemo();
        var index = seed.AccessPolicies.FindIndex(p => p.AccessPolicyID == 1);
        seed.AccessPolicies[index] = EmulatorSeed.Parse("""
            { "AccessPolicies": [ { "AccessPolicyID": 1, "Name": "Shifts", "Schedules": [
                { "ScheduleID": 10, "RequireReason": true,
                  "AccessTypes": [ { "AccessType": "View", "MinApprovers": 1 }, { "AccessType": "SSH", "MinApprovers": 1 } ] },
                { "ScheduleID": 11, "Days": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], "StartTime": "08:00", "EndTime": "18:00",
                  "AccessTypes": [ { "AccessType": "View", "MinApprovers": 0, "MaxConcurrent": 1 } ] },
                { "ScheduleID": 12, "Days": ["Saturday"], "StartTime": "22:00", "EndTime": "02:00",
                  "AccessTypes": [ { "AccessType": "RDP", "MinApprovers": 0 } ] } ] } ] }
            """).AccessPolicies[0];
        return seed;
    }

    /// <summary>Moves the clock forward to the next <paramref name="day"/> at <paramref name="time"/> UTC.</summary>
    private static void MoveTo(EmulatorClock clock, DayOfWeek day, TimeSpan time)
    {
        var now = clock.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero) + time;
        while (target.DayOfWeek != day || target <= now) target = target.AddDays(1);
        clock.Advance(target - now);
    }

    /// <summary>A 400's reason: the body is a JSON string.</summary>
    private static async Task<string?> ReasonAsync(HttpResponseMessage response) => (await CheckoutHttp.ReadJsonAsync(response)).GetString();

    private static async Task<(TestEmulator Emulator, HttpClient Demo, HttpClient Jdoe)> StartAtAsync(DayOfWeek day, TimeSpan time)
    {
        var emulator = await TestEmulator.StartAsync(ShiftsSeed());
        MoveTo(emulator.Clock, day, time);
        return (emulator, await CheckoutHttp.SignedInAsync(emulator), await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs));
    }

    [Fact]
    public async Task NoScheduleNamed_TheBestActiveOneIsChosen_AndRecorded()
    {
        var (emulator, demo, _) = await StartAtAsync(DayOfWeek.Monday, TimeSpan.FromHours(9));
        await using var _ = emulator;

        var inOfficeHours = emulator.State.FindRequest(await CheckoutHttp.RequestAsync(demo, 1, 1))!;
        Assert.Equal(RequestStatus.Active, inOfficeHours.Status);
        emulator.Clock.Advance(TimeSpan.FromHours(10));   // Monday 19:00: only schedule 10 allows View
        var evening = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.DirectoryRunAs);
        var afterHours = emulator.State.FindRequest(await CheckoutHttp.RequestAsync(evening, 1, 1))!;

        Assert.Equal(11, inOfficeHours.AccessPolicyScheduleId);
        Assert.Equal(10, afterHours.AccessPolicyScheduleId);
        Assert.Equal(RequestStatus.Pending, afterHours.Status);
        Assert.Equal(1, afterHours.RequiredApprovals);
        Assert.Contains(emulator.State.Audit, e => e.Kind == AuditKinds.RequestCreated && e.Reason!.Contains("schedule 11"));
    }

    [Fact]
    public async Task NamedSchedule_Honoured_ItsRequirementsApply()
    {
        var (emulator, demo, _) = await StartAtAsync(DayOfWeek.Monday, TimeSpan.FromHours(9));
        await using var _ = emulator;

        var noReason = await CheckoutHttp.PostJsonAsync(demo, "Requests", "{\"SystemID\":1,\"AccountID\":1,\"DurationMinutes\":60,\"AccessPolicyScheduleID\":10}");
        var named = emulator.State.FindRequest(await CheckoutHttp.RequestAsync(demo, 1, 1, ",\"AccessPolicyScheduleID\":10"))!;

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Schedule 10 of the access policy 'Shifts' requires a Reason.", await ReasonAsync(noReason));
        Assert.Equal(10, named.AccessPolicyScheduleId);
        Assert.Equal(RequestStatus.Pending, named.Status);
    }

    [Fact]
    public async Task NamedScheduleOutsideItsWindow_400NothingCreated_UntilTheClockReachesIt()
    {
        var (emulator, demo, _) = await StartAtAsync(DayOfWeek.Monday, new TimeSpan(7, 50, 0));
        await using var _ = emulator;
        var body = "{" + WebAdminView + ",\"AccessPolicyScheduleID\":11}";

        var early = await CheckoutHttp.PostJsonAsync(demo, "Requests", body);
        var reason = await ReasonAsync(early);
        Assert.Empty(emulator.State.ReleaseRequests);
        emulator.Clock.Advance(TimeSpan.FromMinutes(15));
        var onTime = await CheckoutHttp.PostJsonAsync(demo, "Requests", body);

        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("Schedule 11 of the access policy 'Shifts' is not active now (Monday 07:50 UTC)", reason);
        Assert.Contains("active now: 10", reason);
        await CheckoutHttp.AssertStatusAsync(onTime, HttpStatusCode.Created);
        Assert.Equal(11, Assert.Single(emulator.State.ReleaseRequests).AccessPolicyScheduleId);
    }

    [Fact]
    public async Task TypeAllowedOnlyByAClosedWindow_400NamingIt_OpenPastMidnight()
    {
        var (emulator, demo, _) = await StartAtAsync(DayOfWeek.Saturday, new TimeSpan(21, 0, 0));
        await using var _ = emulator;
        var rdp = "{" + WebAdminView + ",\"AccessType\":\"RDP\"}";

        var refused = await CheckoutHttp.PostJsonAsync(demo, "Requests", rdp);
        emulator.Clock.Advance(TimeSpan.FromHours(4));   // Sunday 01:00, inside the window opened Saturday 22:00
        var client = await CheckoutHttp.SignedInAsync(emulator);
        var granted = await CheckoutHttp.PostJsonAsync(client, "Requests", rdp);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("allows RDP access to this account only under schedules that are not active now (Saturday 21:00 UTC): 12 (Saturday, 22:00-02:00 UTC)",
            await ReasonAsync(refused));
        await CheckoutHttp.AssertStatusAsync(granted, HttpStatusCode.Created);
        Assert.Equal(12, Assert.Single(emulator.State.ReleaseRequests).AccessPolicyScheduleId);
    }

    [Fact]
    public async Task MaxConcurrentReached_409ForAnyoneUnderThatSchedule_ReuseStillAnswersTheOwnRequest_OtherSchedulesStillOpen()
    {
        var (emulator, demo, jdoe) = await StartAtAsync(DayOfWeek.Monday, TimeSpan.FromHours(9));
        await using var _ = emulator;
        var first = await CheckoutHttp.RequestAsync(demo, 1, 1);

        var full = await CheckoutHttp.PostJsonAsync(jdoe, "Requests", "{" + WebAdminView + "}");
        var reused = await CheckoutHttp.PostJsonAsync(demo, "Requests", "{" + WebAdminView + ",\"ConflictOption\":\"reuse\"}");
        var underAnother = emulator.State.FindRequest(await CheckoutHttp.RequestAsync(jdoe, 1, 1, ",\"AccessPolicyScheduleID\":10"))!;

        await CheckoutHttp.AssertCodeAsync(full, HttpStatusCode.Conflict, "4091");
        await CheckoutHttp.AssertStatusAsync(reused, HttpStatusCode.OK);
        Assert.Equal(first.ToString(), await reused.Content.ReadAsStringAsync());
        Assert.Equal(10, underAnother.AccessPolicyScheduleId);

        // Checking the first one in frees schedule 11 for the next requestor.
        await CheckoutHttp.AssertStatusAsync(await CheckoutHttp.PutJsonAsync(demo, $"Requests/{first}/Checkin"), HttpStatusCode.NoContent);
        var client = await CheckoutHttp.SignedInAsync(emulator, DemoSeed.PushUser);
        Assert.Equal(11, emulator.State.FindRequest(await CheckoutHttp.RequestAsync(client, 1, 1))!.AccessPolicyScheduleId);
    }

    [Fact]
    public async Task RequestSet_EachTypeUnderItsOwnBestSchedule()
    {
        var (emulator, demo, _) = await StartAtAsync(DayOfWeek.Monday, TimeSpan.FromHours(9));
        await using var _ = emulator;

        var response = await CheckoutHttp.PostJsonAsync(demo, "RequestSets", "{\"AccessTypes\":[\"View\",\"SSH\"]," + WebAdminView + "}");

        await CheckoutHttp.AssertStatusAsync(response, HttpStatusCode.Created);
        var requests = emulator.State.ReleaseRequests.OrderBy(r => r.RequestId).ToList();
        Assert.Equal(new int?[] { 11, 10 }, requests.Select(r => r.AccessPolicyScheduleId));
        Assert.Equal(new[] { RequestStatus.Active, RequestStatus.Pending }, requests.Select(r => r.Status));
    }

    [Fact]
    public async Task GetAccessPolicies_ListsEverySchedule_WithItsWindowAndMaxConcurrent()
    {
        await using var emulator = await TestEmulator.StartAsync(ShiftsSeed());
        var client = await CheckoutHttp.SignedInAsync(emulator);

        var policies = await CheckoutHttp.ReadJsonAsync(await client.GetAsync("AccessPolicies"));

        var shifts = policies.EnumerateArray().Single(p => p.GetProperty("AccessPolicyID").GetInt32() == 1);
        var schedules = shifts.GetProperty("Schedules").EnumerateArray().ToList();
        Assert.Equal(new[] { 10, 11, 12 }, schedules.Select(s => s.GetProperty("ScheduleID").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, schedules[0].GetProperty("Days").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, schedules[0].GetProperty("StartTime").ValueKind);
        Assert.Equal(new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" }, schedules[1].GetProperty("Days").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("08:00", schedules[1].GetProperty("StartTime").GetString());
        Assert.Equal("18:00", schedules[1].GetProperty("EndTime").GetString());
        var view = Assert.Single(schedules[1].GetProperty("AccessTypes").EnumerateArray());
        Assert.Equal(1, view.GetProperty("MaxConcurrent").GetInt32());
        Assert.Equal(0, view.GetProperty("MinApprovers").GetInt32());
        Assert.Equal("22:00", schedules[2].GetProperty("StartTime").GetString());
        Assert.Equal("02:00", schedules[2].GetProperty("EndTime").GetString());
    }
}
