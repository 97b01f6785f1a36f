using System;
using System.Collections.Generic;
using System.Linq;

namespace PasswordSafe;

/// <summary>
/// One schedule of an access policy: when it is active, and what a request in its window may ask for and must give.
/// A policy may have several; New-PSRequest without -AccessPolicyScheduleId gets the best one active at the time.
/// </summary>
public sealed class AccessPolicySchedule
{
    private static readonly string[] WeekFromMonday = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

    public int ScheduleId { get; internal set; }

    public bool RequireReason { get; internal set; }

    public bool RequireTicketSystem { get; internal set; }

    /// <summary>The ticket system whose ticket numbers requests give (the default one when the server names none).</summary>
    public int? TicketSystemId { get; internal set; }

    public AccessPolicyAccessType[] AccessTypes { get; internal set; } = new AccessPolicyAccessType[0];

    /// <summary>The days the schedule is active on (day names); empty: every day.</summary>
    public string[] Days { get; internal set; } = new string[0];

    /// <summary>When it opens each day, "HH:mm" in UTC; null with <see cref="EndTime"/> null: all day.</summary>
    public string? StartTime { get; internal set; }

    /// <summary>When it closes, "HH:mm" in UTC; earlier than <see cref="StartTime"/>: on the next day.</summary>
    public string? EndTime { get; internal set; }

    /// <summary>When the schedule is active, e.g. "Mon-Fri 08:00-18:00 UTC", "Sat 22:00-02:00 UTC"; "always".</summary>
    public string Window
    {
        get
        {
            var days = ShortDays();
            var hours = StartTime != null && EndTime != null ? $"{StartTime}-{EndTime} UTC" : null;
            return days == null && hours == null ? "always" : string.Join(" ", new[] { days, hours }.Where(part => part != null));
        }
    }

    /// <summary>What New-PSRequest must give under this schedule, e.g. "Reason, TicketNumber (ticket system 2)"; "none".</summary>
    public string Requirements
    {
        get
        {
            var required = new List<string>();
            if (RequireReason)
            {
                required.Add("Reason");
            }

            if (RequireTicketSystem)
            {
                required.Add(TicketSystemId is int system ? $"TicketNumber (ticket system {system})" : "TicketNumber");
            }

            return required.Count == 0 ? "none" : string.Join(", ", required);
        }
    }

    /// <summary>
    /// The schedule on one line, for the table: "41 Mon-Fri 08:00-18:00 UTC: View, SSH (auto-approved); requires Reason".
    /// Access types granted alike share one parenthesis.
    /// </summary>
    public string Summary
    {
        get
        {
            var types = string.Join(", ", AccessTypes.GroupBy(t => t.Grant)
                .Select(g => $"{string.Join(", ", g.Select(t => t.AccessType))} ({g.Key})"));
            var requirements = Requirements;
            return $"{ScheduleId} {Window}: {(types.Length == 0 ? "no access types" : types)}" + (requirements == "none" ? string.Empty : "; requires " + requirements);
        }
    }

    /// <summary>"Mon-Fri", "Sat,Sun", "Mon,Wed-Fri": runs of three or more days shortened to a range; null for every day.</summary>
    private string? ShortDays()
    {
        var indexes = Days.Select(day => Array.FindIndex(WeekFromMonday, name => name.Equals(day, StringComparison.OrdinalIgnoreCase)))
            .Where(index => index >= 0).Distinct().OrderBy(index => index).ToList();
        if (indexes.Count == 0 || indexes.Count == WeekFromMonday.Length)
        {
            return null;
        }

        var parts = new List<string>();
        for (var first = 0; first < indexes.Count;)
        {
            var last = first;
            while (last + 1 < indexes.Count && indexes[last + 1] == indexes[last] + 1)
            {
                last++;
            }

            var from = WeekFromMonday[indexes[first]].Substring(0, 3);
            var to = WeekFromMonday[indexes[last]].Substring(0, 3);
            parts.Add(last - first >= 2 ? $"{from}-{to}" : last == first ? from : $"{from},{to}");
            first = last + 1;
        }

        return string.Join(",", parts);
    }

    public override string ToString() => $"{ScheduleId}: {string.Join(", ", AccessTypes.Select(a => a.ToString()))}";
}
