using System;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using PasswordSafe.Emulator;
using PasswordSafe.Tests.Infrastructure;
using Xunit;

namespace PasswordSafe.Tests.Tests.Checkout;

/// <summary>
/// Access policies with several schedules (api-v3 §3.2 AccessPolicyScheduleID "auto-selects best schedule if omitted",
/// §6.4 Schedules): the seed's "Shifts" policy (4) applies to "shift-worker" and "shift-partner" — schedule 40 any
/// time (reason, one approver), 41 Monday–Friday 08:00–18:00 UTC (View auto-approved, at most one open per account),
/// 42 Saturday 22:00–02:00 UTC (RDP). Each test moves the emulator clock to the moment it needs before signing in.
/// </summary>
public sealed class AccessPolicyScheduleTests : IAsyncLifetime
{
    private CheckoutEmulator emulator = null!;

    public async Task InitializeAsync() => emulator = await CheckoutEmulator.StartAsync();

    public Task DisposeAsync() => emulator.DisposeAsync();

    /// <summary>Moves the emulator clock forward to the next <paramref name="day"/> at <paramref name="time"/> UTC.</summary>
    private void ClockTo(DayOfWeek day, TimeSpan time)
    {
        var now = emulator.Clock.GetUtcNow();
        var daysAhead = ((int)day - (int)now.DayOfWeek + 7) % 7;
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddDays(daysAhead) + time, TimeSpan.Zero);
        emulator.Clock.Advance(target > now ? target - now : target.AddDays(7) - now);
    }

    [Fact]
    public void Schedules_GetPSAccessPolicy_ListsEachWithItsWindowApprovalsAndLimit()
    {
        using var shell = emulator.RunnerFor("admin");
        shell.Run("$shifts = Get-PSAccessPolicy -Name Shifts").AssertSuccess();

        string[] Values(string expression) => shell.Run(expression).AssertSuccess().Output.Select(o => o?.ToString() ?? "<null>").ToArray();

        Assert.Equal(new[] { "4", "3" }, Values("$shifts.AccessPolicyId; $shifts.Schedules.Count"));
        Assert.Equal(new[] { "40 always Reason", "41 Mon-Fri 08:00-18:00 UTC none", "42 Sat 22:00-02:00 UTC none" },
            Values("$shifts.Schedules | ForEach-Object { '{0} {1} {2}' -f $_.ScheduleId, $_.Window, $_.Requirements }"));
        Assert.Equal(new[] { "Monday,Tuesday,Wednesday,Thursday,Friday", "08:00", "18:00", "View 0 1" },
            Values("$s = $shifts.Schedules[1]; $s.Days -join ','; $s.StartTime; $s.EndTime; $s.AccessTypes | ForEach-Object { '{0} {1} {2}' -f $_.AccessType, $_.MinApprovers, $_.MaxConcurrent }"));
        Assert.Equal(new[] { "0", "<null>" }, Values("$shifts.Schedules[0].Days.Count; $shifts.Schedules[0].StartTime"));
    }

    [Fact]
    public void Schedules_TableShowsOneLinePerSchedule()
    {
        using var shell = emulator.RunnerFor("admin");

        var table = shell.Run("$Host.UI.RawUI.BufferSize = [System.Management.Automation.Host.Size]::new(120, 3000)\nGet-PSAccessPolicy -Name Shifts | Out-Host")
            .AssertSuccess().HostWrites
            .SelectMany(w => w.Split('\n')).Select(l => Regex.Replace(l, @"\x1b\[[0-9;]*m", string.Empty).TrimEnd('\r', ' '))
            .Where(l => l.Trim().Length > 0).ToList();

        var first = table.FindIndex(l => l.Contains("Shifts", StringComparison.Ordinal));
        Assert.Matches(@"^4\s+Shifts\s+40 always: View, SSH \(1 approver\); requires Reason$", table[first]);
        Assert.Matches(@"^\s+41 Mon-Fri 08:00-18:00 UTC: View \(auto-approved, at most 1 open\)$", table[first + 1]);
        Assert.Matches(@"^\s+42 Sat 22:00-02:00 UTC: RDP \(auto-approved\)$", table[first + 2]);
        // The schedule lines start in the same column as the first one.
        Assert.Equal(table[first].IndexOf("40 always", StringComparison.Ordinal), table[first + 1].IndexOf("41 ", StringComparison.Ordinal));
    }

    [Fact]
    public void BestSchedule_InOfficeHoursTheAutoApprovedOne_AfterHoursTheApprovalOne()
    {
        ClockTo(DayOfWeek.Monday, TimeSpan.FromHours(9));
        using var shell = emulator.RunnerFor("shift-worker");

        var ran = shell.Run("Use-PSCredential -SystemName web01 -AccountName Administrator -ScriptBlock { param($c) $c.UserName }").AssertSuccess();
        var officeHours = Assert.Single(emulator.State.ReleaseRequests);
        emulator.Clock.Advance(TimeSpan.FromHours(10));   // Monday 19:00: only schedule 40 allows View
        var evening = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -Reason 'late fix'").AssertSuccess();

        Assert.Equal("Administrator", ran.SingleValue);
        Assert.Equal(41, officeHours.AccessPolicyScheduleId);
        Assert.Equal(RequestStatus.CheckedIn, officeHours.Status);
        Assert.Equal(0, officeHours.RequiredApprovals);
        Assert.Equal("Pending", evening.Output[0].Properties["Status"].Value?.ToString());
        var pending = emulator.Request((int)evening.Output[0].Properties["RequestId"].Value);
        Assert.Equal(40, pending.AccessPolicyScheduleId);
        Assert.Equal(1, pending.RequiredApprovals);
    }

    [Fact]
    public void NamedSchedule_Honoured_OverABetterActiveOne()
    {
        ClockTo(DayOfWeek.Monday, TimeSpan.FromHours(9));
        using var shell = emulator.RunnerFor("shift-worker");

        var status = shell.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -AccessPolicyScheduleId 40 -Reason 'needs a second pair of eyes').Status")
            .AssertSuccess();

        Assert.Equal("Pending", status.SingleValue?.ToString());
        var request = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(40, request.AccessPolicyScheduleId);
        Assert.Equal(4, request.AccessPolicyId);
    }

    [Fact]
    public void ScheduleOutsideItsWindow_ValidationFailed_NothingCreated_ThenTheWindowOpensOnTheClock()
    {
        ClockTo(DayOfWeek.Monday, new TimeSpan(7, 50, 0));
        using var shell = emulator.RunnerFor("shift-worker");
        const string request = "New-PSRequest -SystemName web01 -AccountName Administrator -AccessPolicyScheduleId 41";

        var error = shell.Run(request).AssertError("ValidationFailed", ErrorCategory.InvalidArgument);
        Assert.Empty(emulator.State.ReleaseRequests);
        emulator.Clock.Advance(TimeSpan.FromMinutes(15));
        var opened = shell.Run($"({request}).Status").AssertSuccess();

        Assert.StartsWith(@"The request for web01\Administrator was refused: ", error.Exception.Message);
        Assert.Contains("Schedule 41 of the access policy 'Shifts' is not active now (Monday 07:50 UTC)", error.ErrorDetails.Message);
        Assert.Contains("Monday, Tuesday, Wednesday, Thursday, Friday, 08:00-18:00 UTC", error.ErrorDetails.Message);
        Assert.Contains("active now: 40", error.ErrorDetails.Message);
        Assert.Equal("Active", opened.SingleValue?.ToString());
        Assert.Equal(41, Assert.Single(emulator.State.ReleaseRequests).AccessPolicyScheduleId);
    }

    [Fact]
    public void AccessTypeOnlyUnderAClosedSchedule_ValidationFailed_NamingItsWindow_NothingCreated()
    {
        ClockTo(DayOfWeek.Monday, TimeSpan.FromHours(9));
        using var shell = emulator.RunnerFor("shift-worker");

        var error = shell.Run("New-PSRequest -SystemName web01 -AccountName Administrator -AccessType RDP")
            .AssertError("ValidationFailed", ErrorCategory.InvalidArgument);

        Assert.Contains("allows RDP access to this account only under schedules that are not active now (Monday 09:00 UTC): 42 (Saturday, 22:00-02:00 UTC)",
            error.ErrorDetails.Message);
        Assert.Empty(emulator.State.ReleaseRequests);
    }

    [Fact]
    public void MaxConcurrentOfTheSchedule_Reached_Conflict_ReuseStillReturnsTheOwnRequest()
    {
        ClockTo(DayOfWeek.Monday, TimeSpan.FromHours(9));
        using var worker = emulator.RunnerFor("shift-worker");
        using var partner = emulator.RunnerFor("shift-partner");
        var first = (int)worker.Run("(New-PSRequest -SystemName web01 -AccountName Administrator).RequestId").AssertSuccess().SingleValue!;

        var error = partner.Run("New-PSRequest -SystemName web01 -AccountName Administrator").AssertError("Conflict", ErrorCategory.ResourceExists);
        var reused = worker.Run("(New-PSRequest -SystemName web01 -AccountName Administrator -ConflictOption Reuse).RequestId").AssertSuccess();

        Assert.Contains("4091", error.ErrorDetails.Message);
        Assert.Contains(@"web01\Administrator", error.ErrorDetails.Message);
        Assert.Equal(first, reused.SingleValue);
        var only = Assert.Single(emulator.State.ReleaseRequests);
        Assert.Equal(41, only.AccessPolicyScheduleId);
        Assert.Equal("shift-worker", only.Requestor.UserName);
    }
}
