using CultureBot.Core.Localization;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Tests.Onboarding;

public class OnboardingCalendarTests
{
    private static readonly PersonaPack Pack = new()
    {
        Slug = "p",
        Personas = [new Persona { Id = "a", Name = "Ana" }, new Persona { Id = "b", Name = "Bruno" }],
    };

    [Fact]
    public void The_default_journey_introduces_then_shows_one_persona_a_day_then_a_verbatim_a_quiz_and_the_close()
    {
        var journey = OnboardingJourney.Default(Pack);

        Assert.Equal(
            [OnboardingCardKind.Intro, OnboardingCardKind.Persona, OnboardingCardKind.Persona, OnboardingCardKind.Verbatim, OnboardingCardKind.Quiz, OnboardingCardKind.Closing],
            journey.Steps.Select(s => s.Kind));
        Assert.Equal(["a", "b"], journey.Steps.Where(s => s.Kind == OnboardingCardKind.Persona).Select(s => s.PersonaId));
    }

    [Fact]
    public void Cards_come_on_working_days_at_nine_local_across_a_daylight_saving_change_and_skip_holidays()
    {
        var paris = TimeZones.Find("Europe/Paris");
        var easterMonday = new DateOnly(2026, 4, 6);
        var calendar = new OnboardingCalendar([easterMonday]);
        var journey = new OnboardingJourney("long", [.. Enumerable.Repeat(new OnboardingStep(OnboardingCardKind.Verbatim), 8)]);

        var plan = calendar.Plan(journey, new DateOnly(2026, 3, 27), paris);

        // Friday 27 March (winter time), then Monday 30 March: Europe went to summer time on Sunday 29.
        Assert.Equal(
            ["2026-03-27", "2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-03", "2026-04-07", "2026-04-08"],
            plan.Select(p => p.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTimeOffset(2026, 3, 27, 8, 0, 0, TimeSpan.Zero), plan[0].DueAt);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), plan[1].DueAt);
        Assert.All(plan, p => Assert.Equal(new TimeOnly(9, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(p.DueAt, paris).DateTime)));
        Assert.Equal(Enumerable.Range(1, 8), plan.Select(p => p.Number));
    }

    [Fact]
    public void A_journey_started_on_a_weekend_begins_on_monday_and_days_limits_the_plan()
    {
        var calendar = new OnboardingCalendar(at: new TimeOnly(8, 30));
        var newYork = TimeZones.Find("America/New_York");

        var plan = calendar.Plan(OnboardingJourney.Default(Pack), new DateOnly(2026, 11, 21), newYork, days: 2);

        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 24)], plan.Select(p => p.Day));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 13, 30, 0, TimeSpan.Zero), plan[0].DueAt);
    }
}
