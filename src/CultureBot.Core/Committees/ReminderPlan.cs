using CultureBot.Core.Localization;

namespace CultureBot.Core.Committees;

/// <summary>
/// When each reminder of a meeting goes out: a number of days before (negative) or after the meeting's day, at a
/// wall-clock time in the committee's zone (9:00 by default), so that a reminder three weeks before a meeting that
/// follows a daylight-saving change still comes at 9:00 local. Monthly nudges follow the meeting on the same day of
/// the month, until the next meeting is due (cadence − 1 of them).
/// </summary>
public sealed record ReminderPlan
{
    public int MembersDays { get; init; } = -21;

    public int InviteDays { get; init; } = -14;

    public int QuestionsDays { get; init; } = -7;

    public int LogisticsDays { get; init; } = -1;

    public int MinutesDays { get; init; } = 1;

    /// <summary>The local time of day reminders go out.</summary>
    public TimeOnly At { get; init; } = new(9, 0);

    /// <summary>Whether to send the monthly nudge between meetings.</summary>
    public bool MonthlyNudge { get; init; } = true;

    public int DaysFor(ReminderKind kind) => kind switch
    {
        ReminderKind.Members => MembersDays,
        ReminderKind.Invite => InviteDays,
        ReminderKind.Questions => QuestionsDays,
        ReminderKind.Logistics => LogisticsDays,
        ReminderKind.Minutes => MinutesDays,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Nudges are monthly, not an offset."),
    };

    /// <summary>Every reminder of a meeting held at <paramref name="localStart"/> in <paramref name="zone"/>, in time order.</summary>
    public IReadOnlyList<(ReminderKind Kind, int Index, DateTimeOffset DueAt)> For(DateTime localStart, TimeZoneInfo zone, int cadenceMonths)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var day = DateOnly.FromDateTime(localStart);
        var reminders = new List<(ReminderKind, int, DateTimeOffset)>();
        foreach (var kind in new[] { ReminderKind.Members, ReminderKind.Invite, ReminderKind.Questions, ReminderKind.Logistics, ReminderKind.Minutes })
        {
            reminders.Add((kind, 0, TimeZones.ToUtc(day.AddDays(DaysFor(kind)).ToDateTime(At), zone)));
        }

        if (MonthlyNudge)
        {
            for (var month = 1; month < cadenceMonths; month++)
            {
                reminders.Add((ReminderKind.Nudge, month, TimeZones.ToUtc(day.AddMonths(month).ToDateTime(At), zone)));
            }
        }

        return [.. reminders.OrderBy(r => r.Item3)];
    }

    /// <summary>Refuses offsets that would put reminders in the wrong order or on the wrong side of the meeting.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!(MembersDays <= InviteDays && InviteDays <= QuestionsDays && QuestionsDays <= LogisticsDays))
        {
            errors.Add("Committees:Reminders: the offsets must come in order: Members <= Invite <= Questions <= Logistics.");
        }

        if (LogisticsDays >= 0)
        {
            errors.Add("Committees:Reminders:LogisticsDays must be before the meeting (negative).");
        }

        if (MinutesDays <= 0)
        {
            errors.Add("Committees:Reminders:MinutesDays must be after the meeting (positive).");
        }

        return errors;
    }
}
