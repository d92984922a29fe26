using CultureBot.Core.Localization;

namespace CultureBot.Core.Onboarding;

/// <summary>A journey's card on its day: its place, the local day, and the instant it is due.</summary>
public sealed record PlannedCard(int Number, DateOnly Day, DateTimeOffset DueAt, OnboardingStep Step);

/// <summary>
/// When a newcomer's cards come: one per working day (Monday to Friday, holidays skipped) at a local time (9:00 by
/// default) in the newcomer's time zone, daylight saving included — 9:00 in Paris is 08:00 UTC in winter, 07:00 in summer.
/// </summary>
public sealed class OnboardingCalendar(IEnumerable<DateOnly>? holidays = null, TimeOnly? at = null)
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    private readonly HashSet<DateOnly> _holidays = [.. holidays ?? []];

    public TimeOnly Time { get; } = at ?? DefaultTime;

    public bool IsWorkingDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.Contains(day);

    /// <summary><paramref name="day"/> if it is a working day, else the next one.</summary>
    public DateOnly OnOrAfter(DateOnly day)
    {
        while (!IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The working day after <paramref name="day"/>.</summary>
    public DateOnly After(DateOnly day) => OnOrAfter(day.AddDays(1));

    /// <summary>The instant a card of <paramref name="day"/> is due in <paramref name="zone"/>.</summary>
    public DateTimeOffset DueAt(DateOnly day, TimeZoneInfo zone) => TimeZones.ToUtc(day.ToDateTime(Time), zone);

    /// <summary>When a journey starting at <paramref name="now"/> sends its first card: today at 9:00 (already due if past) or the next working day's.</summary>
    public DateTimeOffset FirstDueAt(DateTimeOffset now, TimeZoneInfo zone) => DueAt(OnOrAfter(TimeZones.LocalDate(now, zone)), zone);

    /// <summary>When the card after one sent (or resumed) at <paramref name="now"/> comes: the next working day's 9:00.</summary>
    public DateTimeOffset NextDueAt(DateTimeOffset now, TimeZoneInfo zone) => DueAt(After(TimeZones.LocalDate(now, zone)), zone);

    /// <summary>The dated plan of a journey starting on <paramref name="start"/> (or the next working day), its first <paramref name="days"/> cards.</summary>
    public IReadOnlyList<PlannedCard> Plan(OnboardingJourney journey, DateOnly start, TimeZoneInfo zone, int? days = null)
    {
        ArgumentNullException.ThrowIfNull(journey);
        ArgumentNullException.ThrowIfNull(zone);
        var plan = new List<PlannedCard>();
        var day = OnOrAfter(start);
        foreach (var (step, i) in journey.Steps.Take(days ?? journey.Steps.Count).Select((s, i) => (s, i)))
        {
            plan.Add(new PlannedCard(i + 1, day, DueAt(day, zone), step));
            day = After(day);
        }

        return plan;
    }
}
