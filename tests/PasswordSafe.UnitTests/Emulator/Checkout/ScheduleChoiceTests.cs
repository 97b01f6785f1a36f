using System;
using System.Collections.Generic;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Which schedule a request is held to (api-v3 §3.2 AccessPolicyScheduleID): the best active one allowing the type
/// when none is named (fewest approvers, then lowest id), else the named one if it is the policy's, allows the type
/// and is active; every refusal is a 400 naming what would do.
/// </summary>
public class ScheduleChoiceTests
{
    private static readonly DateTimeOffset MondayNoon = new(2030, 1, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MondayNight = new(2030, 1, 7, 21, 0, 0, TimeSpan.Zero);
    private static readonly ScheduleWindow Office = new([DayOfWeek.Monday], TimeSpan.FromHours(8), TimeSpan.FromHours(18));

    private static AccessPolicySchedule Schedule(int id, ScheduleWindow window, params (AccessType Type, int Approvers)[] types)
    {
        var rules = new Dictionary<AccessType, AccessTypeRule>();
        foreach (var (type, approvers) in types) rules[type] = new AccessTypeRule(type, approvers, type != AccessType.View, false);
        return new AccessPolicySchedule(id, rules, window);
    }

    // 52: any time, one approver; 51: office hours, auto-approved; 50: office hours, one approver; 53: RDP at night only.
    private static readonly AccessPolicy Shifts = new(5, "Shifts",
    [
        Schedule(52, ScheduleWindow.Always, (AccessType.View, 1)),
        Schedule(51, Office, (AccessType.View, 0)),
        Schedule(50, Office, (AccessType.View, 1), (AccessType.SSH, 0)),
        Schedule(53, new ScheduleWindow([], TimeSpan.FromHours(20), TimeSpan.FromHours(6)), (AccessType.RDP, 0)),
    ]);

    [Fact]
    public void NoneNamed_FewestApproversAmongActiveFirst()
    {
        var chosen = ScheduleChoice.For(Shifts, AccessType.View, null, MondayNoon);
        Assert.Equal(51, chosen.Value.Schedule.ScheduleId);
        Assert.Equal(0, chosen.Value.Rule.MinApprovers);
    }

    [Fact]
    public void NoneNamed_EqualApprovers_LowestScheduleIdWins_AndInactiveOnesAreSkipped()
    {
        var equal = new AccessPolicy(6, "Equal", [Schedule(61, ScheduleWindow.Always, (AccessType.View, 1)), Schedule(60, ScheduleWindow.Always, (AccessType.View, 1))]);
        Assert.Equal(60, ScheduleChoice.For(equal, AccessType.View, null, MondayNoon).Value.Schedule.ScheduleId);
        // At night only 52 (one approver) is active for View.
        Assert.Equal(52, ScheduleChoice.For(Shifts, AccessType.View, null, MondayNight).Value.Schedule.ScheduleId);
    }

    [Fact]
    public void NoneNamed_TypeOnlyUnderInactiveSchedules_400NamingThemAndTheirWindows()
    {
        var refused = ScheduleChoice.For(Shifts, AccessType.RDP, null, MondayNoon);
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("allows RDP access to this account only under schedules that are not active now (Monday 12:00 UTC)", refused.Error);
        Assert.Contains("53 (every day, 20:00-06:00 UTC)", refused.Error);
    }

    [Fact]
    public void NoneNamed_TypeUnderNoSchedule_400LikeAnyTypeThePolicyDoesNotAllow()
    {
        var refused = ScheduleChoice.For(Shifts, AccessType.App, null, MondayNoon);
        Assert.Equal(400, refused.StatusCode);
        Assert.Equal("The access policy 'Shifts' does not allow App access to this account; allowed: View, RDP, SSH.", refused.Error);
    }

    [Fact]
    public void Named_HonouredEvenWhenABetterOneIsActive()
    {
        var chosen = ScheduleChoice.For(Shifts, AccessType.View, 52, MondayNoon);
        Assert.Equal(52, chosen.Value.Schedule.ScheduleId);
        Assert.Equal(1, chosen.Value.Rule.MinApprovers);
    }

    [Fact]
    public void Named_NotThePolicys_400ListingItsSchedules()
    {
        var refused = ScheduleChoice.For(Shifts, AccessType.View, 30, MondayNoon);
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("AccessPolicyScheduleID 30 is not a schedule of the access policy 'Shifts'", refused.Error);
        Assert.Contains("its schedules are 50, 51, 52, 53", refused.Error);
    }

    [Fact]
    public void Named_OutsideItsWindow_400SayingWhenItIsActiveAndWhichAreActiveNow()
    {
        var refused = ScheduleChoice.For(Shifts, AccessType.View, 51, MondayNight);
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("Schedule 51 of the access policy 'Shifts' is not active now (Monday 21:00 UTC)", refused.Error);
        Assert.Contains("it is active Monday, 08:00-18:00 UTC", refused.Error);
        Assert.Contains("active now: 52, 53", refused.Error);
    }

    [Fact]
    public void Named_NotAllowingTheType_400NamingTheSchedulesThatDo()
    {
        var refused = ScheduleChoice.For(Shifts, AccessType.SSH, 51, MondayNoon);
        Assert.Equal(400, refused.StatusCode);
        Assert.Contains("Schedule 51 of the access policy 'Shifts' does not allow SSH access; it allows View.", refused.Error);
        Assert.Contains("Schedules allowing SSH: 50 (Monday, 08:00-18:00 UTC)", refused.Error);
    }

    [Fact]
    public void PermissivenessKey_CountsTypesAcrossSchedules_AndTheFewestApproversPerType()
    {
        // View at best 0 (51), SSH 0 (50), RDP 0 (53): three types, no approver needed.
        Assert.Equal((-3, 0), Shifts.PermissivenessKey);
        var flat = new AccessPolicy(7, "Flat", [Schedule(7, ScheduleWindow.Always, (AccessType.View, 1), (AccessType.RDP, 2))]);
        Assert.Equal((-2, 3), flat.PermissivenessKey);
    }
}
