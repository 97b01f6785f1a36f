using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// Turns a seeded access policy (flat, or with a Schedules list) into an <see cref="AccessPolicy"/>, checking what a
/// console would refuse: a schedule without access types, a ticket requirement without its ticket system, a window
/// that is not one, a MaxConcurrent outside 0–999. ScheduleIDs unique across policies are checked by the builder.
/// </summary>
internal static class AccessPolicySeedReader
{
    private const int MaxConcurrentLimit = 999;

    /// <summary>The policy at <c>$.AccessPolicies[index]</c>; errors name it (and a listed schedule) by place.</summary>
    internal static AccessPolicy Read(SeedAccessPolicy item, int index)
    {
        var path = $"$.AccessPolicies[{index}]";
        var where = SeedPlace.At(path, item.Name, $"AccessPolicyID {item.AccessPolicyID}");
        if (item.AccessPolicyID <= 0) throw new SeedException($"{where}: {StateBuilder.PositiveId("AccessPolicyID", item.AccessPolicyID, "access policy")}");
        var name = string.IsNullOrWhiteSpace(item.Name) ? $"Access policy {item.AccessPolicyID}" : item.Name!;
        var label = string.IsNullOrWhiteSpace(item.Name) ? $"access policy {item.AccessPolicyID}" : $"'{item.Name}'";
        return new AccessPolicy(item.AccessPolicyID, name, ReadSchedules(item, path, where, label)) { Description = item.Description };
    }

    private static List<AccessPolicySchedule> ReadSchedules(SeedAccessPolicy item, string path, string where, string label)
    {
        if (item.Schedules is null)
        {
            if (item.ScheduleID is <= 0) throw new SeedException($"{where}: ScheduleID must be a positive number (or left out: it is then the AccessPolicyID).");
            return [ReadSchedule(item, item.ScheduleID ?? item.AccessPolicyID, where)];
        }
        if (item.HasFlatSchedule)
            throw new SeedException($"{where}: write its schedule either on the policy itself (ScheduleID, RequireReason, AccessTypes, …) or as a Schedules list, not both; move the policy's schedule keys into a Schedules entry.");
        if (item.Schedules.Count == 0)
            throw new SeedException($"{where}: Schedules is empty: list at least one schedule, or write the one schedule on the policy itself.");
        var schedules = new List<AccessPolicySchedule>();
        foreach (var (seed, index) in item.Schedules.Select((s, i) => (s, i)))
        {
            var schedulePath = $"{path}.Schedules[{index}]";
            if (seed is null) throw new SeedException($"{schedulePath}: is null; give a schedule or remove it.");
            if (seed.ScheduleID is not > 0)
                throw new SeedException($"{schedulePath} (a schedule of {label}): ScheduleID is required in a Schedules list and must be a positive number.");
            if (schedules.Any(s => s.ScheduleId == seed.ScheduleID))
                throw new SeedException($"{schedulePath} (a schedule of {label}): ScheduleID {seed.ScheduleID} appears twice; give each schedule its own.");
            schedules.Add(ReadSchedule(seed, seed.ScheduleID.Value, $"{schedulePath} (ScheduleID {seed.ScheduleID} of {label})"));
        }
        return schedules;
    }

    private static AccessPolicySchedule ReadSchedule(SeedAccessSchedule seed, int scheduleId, string where)
    {
        if (seed.AccessTypes is not { Count: > 0 } accessTypes)
            throw new SeedException($"{where}: list its AccessTypes, e.g. [{{ \"AccessType\": \"View\", \"MinApprovers\": 0 }}].");
        var rules = new Dictionary<AccessType, AccessTypeRule>();
        foreach (var rule in accessTypes)
        {
            if (rule.MinApprovers < 0) throw new SeedException($"{where}: MinApprovers must be 0 (auto-approve) or more.");
            if (rule.MaxConcurrent is < 0 or > MaxConcurrentLimit)
                throw new SeedException($"{where}: MaxConcurrent of {rule.AccessType} must be from 0 (no limit) to {MaxConcurrentLimit}.");
            var isSession = rule.IsSession || rule.AccessType != AccessType.View;
            if (!rules.TryAdd(rule.AccessType, new AccessTypeRule(rule.AccessType, rule.MinApprovers, isSession, rule.RecordSession, rule.MaxConcurrent)))
                throw new SeedException($"{where}: AccessType {rule.AccessType} appears twice.");
        }
        var requireTicket = seed.RequireTicketSystem ?? false;
        if (requireTicket && seed.TicketSystemID is not > 0)
            throw new SeedException($"{where}: RequireTicketSystem needs the TicketSystemID whose ticket numbers requests must give.");
        return new AccessPolicySchedule(scheduleId, rules, ReadWindow(seed, where))
        {
            RequireReason = seed.RequireReason ?? false,
            RequireTicketSystem = requireTicket,
            TicketSystemId = seed.TicketSystemID,
        };
    }

    private static ScheduleWindow ReadWindow(SeedAccessSchedule seed, string where)
    {
        var days = new List<DayOfWeek>();
        if (seed.Days is { } names)
        {
            if (names.Count == 0) throw new SeedException($"{where}: Days is empty; leave it out for every day, or list day names such as \"Monday\".");
            foreach (var name in names)
            {
                // Names only: Enum.TryParse would also take "1" or "Monday, Tuesday" (as one combined value).
                var day = Enum.GetValues<DayOfWeek>().Cast<DayOfWeek?>().FirstOrDefault(d => string.Equals(d.ToString(), name, StringComparison.OrdinalIgnoreCase))
                    ?? throw new SeedException($"{where}: Days lists '{name}', which is not a day; use Monday, Tuesday, Wednesday, Thursday, Friday, Saturday or Sunday.");
                if (days.Contains(day)) throw new SeedException($"{where}: Days lists {day} twice.");
                days.Add(day);
            }
        }
        if ((seed.StartTime is null) != (seed.EndTime is null))
            throw new SeedException($"{where}: give both StartTime and EndTime (\"HH:mm\", UTC), or neither for all day.");
        if (seed.StartTime is null) return days.Count == 0 ? ScheduleWindow.Always : new ScheduleWindow(days, null, null);
        var start = TimeOfDay(seed.StartTime, "StartTime", where);
        var end = TimeOfDay(seed.EndTime!, "EndTime", where);
        if (start == end)
            throw new SeedException($"{where}: StartTime and EndTime are both {seed.StartTime}; leave both out for a window open all day.");
        return new ScheduleWindow(days, start, end);
    }

    private static TimeSpan TimeOfDay(string text, string key, string where) =>
        TimeSpan.TryParseExact(text, @"hh\:mm", CultureInfo.InvariantCulture, out var time)
            ? time
            : throw new SeedException($"{where}: {key} '{text}' is not a time of day; write \"HH:mm\" from 00:00 to 23:59 (UTC), e.g. \"08:00\".");
}
