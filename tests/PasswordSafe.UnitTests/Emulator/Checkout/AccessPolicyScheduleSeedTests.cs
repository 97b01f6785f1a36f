using System;
using System.Linq;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>
/// Access policies with several schedules in a seed: the Schedules list (windows, MaxConcurrent) next to today's
/// flat form, and the SeedException each mistake stops the start with.
/// </summary>
public class AccessPolicyScheduleSeedTests
{
    private const string View = "\"AccessTypes\":[{\"AccessType\":\"View\"}]";

    private static string Policy(string body) => "{\"AccessPolicies\":[{\"AccessPolicyID\":1," + body + "}]}";

    private static string Schedules(params string[] schedules) => Policy("\"Schedules\":[" + string.Join(",", schedules) + "]");

    [Theory]
    [InlineData("\"RequireReason\":true,\"Schedules\":[{\"ScheduleID\":10," + View + "}]", "not both")]
    [InlineData("\"Schedules\":[]", "Schedules is empty")]
    [InlineData("\"Schedules\":[{" + View + "}]", "$.AccessPolicies[0].Schedules[0] (a schedule of access policy 1): ScheduleID is required")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":0," + View + "}]", "$.AccessPolicies[0].Schedules[0] (a schedule of access policy 1): ScheduleID is required in a Schedules list and must be a positive number")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10," + View + "},{\"ScheduleID\":10," + View + "}]", "ScheduleID 10 appears twice")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10}]", "$.AccessPolicies[0].Schedules[0] (ScheduleID 10 of access policy 1): list its AccessTypes")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"RequireTicketSystem\":true," + View + "}]", "$.AccessPolicies[0].Schedules[0] (ScheduleID 10 of access policy 1): RequireTicketSystem needs the TicketSystemID")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"Days\":[\"Funday\"]," + View + "}]", "Days lists 'Funday', which is not a day")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"Days\":[\"Monday, Tuesday\"]," + View + "}]", "Days lists 'Monday, Tuesday', which is not a day")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"Days\":[\"1\"]," + View + "}]", "Days lists '1', which is not a day")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"Days\":[]," + View + "}]", "Days is empty")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"Days\":[\"Monday\",\"monday\"]," + View + "}]", "Days lists Monday twice")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"StartTime\":\"08:00\"," + View + "}]", "give both StartTime and EndTime")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"EndTime\":\"18:00\"," + View + "}]", "give both StartTime and EndTime")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"StartTime\":\"24:00\",\"EndTime\":\"18:00\"," + View + "}]", "StartTime '24:00' is not a time of day")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"StartTime\":\"08:00\",\"EndTime\":\"6pm\"," + View + "}]", "EndTime '6pm' is not a time of day")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"StartTime\":\"08:00\",\"EndTime\":\"08:00\"," + View + "}]", "StartTime and EndTime are both 08:00")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"AccessTypes\":[{\"AccessType\":\"View\",\"MaxConcurrent\":1000}]}]", "MaxConcurrent of View must be from 0 (no limit) to 999")]
    [InlineData("\"Schedules\":[{\"ScheduleID\":10,\"AccessTypes\":[{\"AccessType\":\"SSH\",\"MaxConcurrent\":-1}]}]", "MaxConcurrent of SSH must be from 0 (no limit) to 999")]
    [InlineData("\"AccessTypes\":[{\"AccessType\":\"View\",\"MaxConcurrent\":1000}]", "$.AccessPolicies[0] (AccessPolicyID 1): MaxConcurrent of View")]
    public void BadSchedules_StopTheStart_NamingThePolicyScheduleAndFix(string policyBody, string mentioned)
    {
        var error = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Parse(Policy(policyBody))));
        Assert.Contains(mentioned, error.Message);
        Assert.StartsWith("seed JSON, line 1: $.AccessPolicies[0]", error.Message);
    }

    [Fact]
    public void ScheduleIds_AreUniqueAcrossPolicies_FlatAndListed()
    {
        var json = "{\"AccessPolicies\":[{\"AccessPolicyID\":1,\"ScheduleID\":10," + View + "}," +
                   "{\"AccessPolicyID\":2,\"Schedules\":[{\"ScheduleID\":11," + View + "},{\"ScheduleID\":10," + View + "}]}]}";
        var error = Assert.Throws<SeedException>(() => EmulatorState.FromSeed(EmulatorSeed.Parse(json)));
        Assert.Equal("seed JSON, line 1: $.AccessPolicies[1] (AccessPolicyID 2): ScheduleID 10 is already a schedule of AccessPolicyID 1; give each schedule its own ScheduleID.", error.Message);
    }

    [Fact]
    public void FlatForm_IsStillOneSchedule_IdDefaultingToThePolicyId()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse(Policy("\"RequireReason\":true,\"AccessTypes\":[{\"AccessType\":\"RDP\",\"MinApprovers\":2}]")));
        var schedule = Assert.Single(Assert.Single(state.AccessPolicies).Schedules);
        Assert.Equal(1, schedule.ScheduleId);
        Assert.True(schedule.RequireReason);
        Assert.Equal(2, schedule.AccessTypes[AccessType.RDP].MinApprovers);
        Assert.Equal(0, schedule.AccessTypes[AccessType.RDP].MaxConcurrent);
        Assert.Same(ScheduleWindow.Always, schedule.Window);
    }

    [Fact]
    public void SchedulesList_BuildsEverySchedule_ByIdWithWindowsAndLimits()
    {
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse(Schedules(
            "{\"ScheduleID\":12,\"RequireReason\":true,\"AccessTypes\":[{\"AccessType\":\"View\",\"MinApprovers\":1}]}",
            "{\"ScheduleID\":11,\"Days\":[\"friday\",\"Monday\"],\"StartTime\":\"22:00\",\"EndTime\":\"02:00\"," +
            "\"AccessTypes\":[{\"AccessType\":\"SSH\",\"MaxConcurrent\":3,\"RecordSession\":true}]}")));

        var policy = Assert.Single(state.AccessPolicies);
        Assert.Equal(new[] { 11, 12 }, policy.Schedules.Select(s => s.ScheduleId));
        var night = policy.Schedules[0];
        Assert.Equal(new[] { DayOfWeek.Monday, DayOfWeek.Friday }, night.Window.Days);
        Assert.Equal(TimeSpan.FromHours(22), night.Window.Start);
        Assert.Equal(TimeSpan.FromHours(2), night.Window.End);
        Assert.Equal(new AccessTypeRule(AccessType.SSH, 0, true, true, 3), night.AccessTypes[AccessType.SSH]);
        Assert.False(night.RequireReason);
        Assert.True(policy.Schedules[1].RequireReason);
    }

    [Fact]
    public void GeneratedPolicy_TakesAFreeScheduleId_WhenASeededScheduleHasItsPolicyId()
    {
        // The generated policy is policy 2; schedule 2 is taken, so it gets the next free schedule id.
        var json = "{\"ManagedSystems\":[],\"AccessPolicies\":[{\"AccessPolicyID\":1,\"Schedules\":[{\"ScheduleID\":2," + View + "},{\"ScheduleID\":5," + View + "}]}]," +
                   "\"Generate\":{\"ManagedSystems\":1,\"AccountsPerSystem\":1}}";
        var state = EmulatorState.FromSeed(EmulatorSeed.Parse(json));
        var generated = state.AccessPolicies.Single(p => p.AccessPolicyId == 2);
        Assert.Equal(6, Assert.Single(generated.Schedules).ScheduleId);
    }
}
