using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PasswordSafe.Emulator;

/// <summary>
/// When an access policy schedule is active, judged in UTC on the emulator clock [I]: on its <see cref="Days"/>
/// (none listed: every day) between <see cref="Start"/> and <see cref="End"/> (neither: all day). An end earlier
/// than the start runs past midnight: the window opens on a listed day and closes on the next one (22:00–02:00).
/// </summary>
public sealed class ScheduleWindow
{
    /// <summary>No restriction: every day, all day.</summary>
    public static ScheduleWindow Always { get; } = new(Array.Empty<DayOfWeek>(), null, null);

    internal ScheduleWindow(IReadOnlyList<DayOfWeek> days, TimeSpan? start, TimeSpan? end)
    {
        Days = days.Distinct().OrderBy(MondayFirst).ToList();
        Start = start;
        End = end;
    }

    /// <summary>The days the window opens on, Monday first; empty means every day.</summary>
    public IReadOnlyList<DayOfWeek> Days { get; }

    /// <summary>Time of day (UTC) it opens; null with <see cref="End"/> null: all day.</summary>
    public TimeSpan? Start { get; }

    /// <summary>Time of day (UTC) it closes, exclusive.</summary>
    public TimeSpan? End { get; }

    public bool IsOpenAt(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        if (Start is not TimeSpan start || End is not TimeSpan end) return OpensOn(utc.DayOfWeek);
        var timeOfDay = utc.TimeOfDay;
        if (start < end) return OpensOn(utc.DayOfWeek) && timeOfDay >= start && timeOfDay < end;
        // Past midnight: the evening part belongs to today, the early-morning part to the window opened yesterday.
        return (OpensOn(utc.DayOfWeek) && timeOfDay >= start) || (OpensOn(utc.AddDays(-1).DayOfWeek) && timeOfDay < end);
    }

    /// <summary>"every day, all day", "Monday, Friday 08:00-18:00 UTC": for error messages.</summary>
    public override string ToString()
    {
        var days = Days.Count == 0 ? "every day" : string.Join(", ", Days);
        var hours = Start is TimeSpan start && End is TimeSpan end ? $"{Clock(start)}-{Clock(end)} UTC" : "all day";
        return $"{days}, {hours}";
    }

    internal static string Clock(TimeSpan time) => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);

    private bool OpensOn(DayOfWeek day) => Days.Count == 0 || Days.Contains(day);

    // Sunday is 0 in DayOfWeek; schedules read Monday to Sunday.
    private static int MondayFirst(DayOfWeek day) => ((int)day + 6) % 7;
}
