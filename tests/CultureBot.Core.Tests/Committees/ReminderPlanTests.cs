using CultureBot.Core.Committees;
using CultureBot.Core.Features.Committees;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Tests.Committees;

public class ReminderPlanTests
{
    [Fact]
    public void Reminders_come_at_nine_local_on_their_days_across_the_spring_change()
    {
        // A Thursday evening meeting in Paris, 16 April 2026; clocks went forward on 29 March.
        var reminders = new ReminderPlan().For(new DateTime(2026, 4, 16, 18, 30, 0), TimeZones.Find("Europe/Paris"), cadenceMonths: 3);

        Assert.Equal(
            [
                (ReminderKind.Members, 0, new DateTimeOffset(2026, 3, 26, 8, 0, 0, TimeSpan.Zero)),   // 9:00 CET
                (ReminderKind.Invite, 0, new DateTimeOffset(2026, 4, 2, 7, 0, 0, TimeSpan.Zero)),     // 9:00 CEST
                (ReminderKind.Questions, 0, new DateTimeOffset(2026, 4, 9, 7, 0, 0, TimeSpan.Zero)),
                (ReminderKind.Logistics, 0, new DateTimeOffset(2026, 4, 15, 7, 0, 0, TimeSpan.Zero)),
                (ReminderKind.Minutes, 0, new DateTimeOffset(2026, 4, 17, 7, 0, 0, TimeSpan.Zero)),
                (ReminderKind.Nudge, 1, new DateTimeOffset(2026, 5, 16, 7, 0, 0, TimeSpan.Zero)),
                (ReminderKind.Nudge, 2, new DateTimeOffset(2026, 6, 16, 7, 0, 0, TimeSpan.Zero)),
            ],
            reminders);
    }

    [Fact]
    public void Offsets_and_time_are_configurable_and_checked()
    {
        var plan = new ReminderPlan { InviteDays = -10, At = new TimeOnly(14, 0), MonthlyNudge = false };
        var reminders = plan.For(new DateTime(2026, 11, 5, 18, 0, 0), TimeZones.Find("America/New_York"), cadenceMonths: 3);
        Assert.Equal(new DateTimeOffset(2026, 10, 26, 18, 0, 0, TimeSpan.Zero), reminders.Single(r => r.Kind == ReminderKind.Invite).DueAt); // 14:00 EDT
        Assert.Equal(new DateTimeOffset(2026, 11, 6, 19, 0, 0, TimeSpan.Zero), reminders.Single(r => r.Kind == ReminderKind.Minutes).DueAt); // 14:00 EST
        Assert.DoesNotContain(reminders, r => r.Kind == ReminderKind.Nudge);
        Assert.Empty(plan.Validate());

        Assert.Equal(2, new ReminderPlan { QuestionsDays = -30, MinutesDays = 0 }.Validate().Count);
    }

    [Theory]
    [InlineData("2026-04-16 18:30 Siège, salle 4", 2026, 4, 16, "18:30", "Siège, salle 4")]
    [InlineData("16/04/2026 18h30", 2026, 4, 16, "18:30", "")]
    [InlineData("16/04 18h", 2026, 4, 16, "18:00", "")]
    [InlineData("02/01", 2027, 1, 2, null, "")]
    public void Meeting_times_are_read_as_people_type_them(string text, int year, int month, int day, string? time, string place)
    {
        var parsed = MeetingTime.Parse(text, new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero), TimeZones.Find("Europe/Paris"));
        Assert.Equal(new DateOnly(year, month, day), parsed.Date);
        Assert.Equal(time is null ? null : TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), parsed.Time);
        Assert.Equal(place, parsed.Rest);
    }

    [Theory]
    [InlineData("2h30", 150)]
    [InlineData("3h", 180)]
    [InlineData("90", 90)]
    [InlineData("120min", 120)]
    [InlineData("10", null)]
    [InlineData("13h", null)]
    [InlineData("long", null)]
    public void Meeting_lengths_are_read_in_hours_or_minutes(string text, int? minutes)
    {
        Assert.Equal(minutes is not null, MeetingTime.TryParseLength(text, out var length));
        if (minutes is { } m)
        {
            Assert.Equal(TimeSpan.FromMinutes(m), length);
        }
    }
}
