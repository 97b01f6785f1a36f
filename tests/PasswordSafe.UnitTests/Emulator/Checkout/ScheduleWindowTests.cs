using System;
using Xunit;

namespace PasswordSafe.UnitTests.Emulator.Checkout;

// Inside the namespace so emulator types win over same-named module types in namespace PasswordSafe.
using PasswordSafe.Emulator;

/// <summary>When a schedule's window is open: days, hours in UTC, windows past midnight.</summary>
public class ScheduleWindowTests
{
    // 2030-01-07 is a Monday; 2030-01-12 a Saturday.
    private static DateTimeOffset At(int day, int hour, int minute, TimeSpan? offset = null) =>
        new DateTimeOffset(2030, 1, day, hour, minute, 0, TimeSpan.Zero).ToOffset(offset ?? TimeSpan.Zero);

    private static readonly ScheduleWindow OfficeHours = new(
        [DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday], TimeSpan.FromHours(8), TimeSpan.FromHours(18));

    [Theory]
    [InlineData(7, 8, 0, true)]      // Monday, opening minute
    [InlineData(7, 17, 59, true)]
    [InlineData(7, 18, 0, false)]    // the end is exclusive
    [InlineData(7, 7, 59, false)]
    [InlineData(12, 12, 0, false)]   // Saturday
    public void DaytimeWindow_OpenOnItsDaysBetweenStartAndEnd(int day, int hour, int minute, bool open) =>
        Assert.Equal(open, OfficeHours.IsOpenAt(At(day, hour, minute)));

    [Fact]
    public void Window_IsJudgedInUtc_WhateverOffsetTheTimeCarries() =>
        // 09:30 at UTC+2 is 07:30 UTC: before the window.
        Assert.False(OfficeHours.IsOpenAt(new DateTimeOffset(2030, 1, 7, 9, 30, 0, TimeSpan.FromHours(2))));

    [Theory]
    [InlineData(12, 22, 0, true)]    // Saturday evening
    [InlineData(13, 1, 59, true)]    // Sunday early morning: the window opened Saturday
    [InlineData(13, 2, 0, false)]
    [InlineData(12, 1, 0, false)]    // Saturday early morning: Friday opened no window
    [InlineData(13, 22, 30, false)]  // Sunday evening: not a listed day
    public void WindowPastMidnight_ClosesOnTheNextDay(int day, int hour, int minute, bool open)
    {
        var overnight = new ScheduleWindow([DayOfWeek.Saturday], TimeSpan.FromHours(22), TimeSpan.FromHours(2));
        Assert.Equal(open, overnight.IsOpenAt(At(day, hour, minute)));
    }

    [Fact]
    public void DaysWithoutHours_OpenAllDay_AndAlwaysIsAlwaysOpen()
    {
        var weekend = new ScheduleWindow([DayOfWeek.Sunday, DayOfWeek.Saturday], null, null);
        Assert.True(weekend.IsOpenAt(At(12, 0, 0)));
        Assert.True(weekend.IsOpenAt(At(13, 23, 59)));
        Assert.False(weekend.IsOpenAt(At(7, 12, 0)));
        Assert.True(ScheduleWindow.Always.IsOpenAt(At(9, 3, 17)));
        Assert.Equal([DayOfWeek.Saturday, DayOfWeek.Sunday], weekend.Days);
    }

    [Fact]
    public void Described_MondayFirst_WithUtcHours() =>
        Assert.Equal("Monday, Tuesday, Wednesday, Thursday, Friday, 08:00-18:00 UTC", OfficeHours.ToString());
}
