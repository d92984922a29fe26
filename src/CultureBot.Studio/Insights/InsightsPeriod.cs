using System.Globalization;
using CultureBot.Core.Insights;
using CultureBot.Studio.Access;

namespace CultureBot.Studio.Insights;

/// <summary>
/// The period and filter of the insights page and its CSV, read the same way from both: <c>from</c> and <c>to</c>
/// (days, yyyy-MM-dd, UTC, both included; default the 30 days up to today), <c>conversation</c> (one team channel or
/// chat). A day that cannot be read falls back to the default rather than failing the page.
/// </summary>
public sealed record InsightsPeriod(DateOnly From, DateOnly To, string? ConversationId)
{
    public const int DefaultDays = 30;

    /// <summary>A longer period than this is charted per week: a year of daily bars is unreadable.</summary>
    public const int DailyUpTo = 62;

    /// <summary>No period longer than this (two retention years): a bound on what one page asks of the database.</summary>
    public const int MaxDays = 731;

    public bool Weekly => To.DayNumber - From.DayNumber + 1 > DailyUpTo;

    public static InsightsPeriod Read(string? from, string? to, string? conversation, DateOnly today)
    {
        var last = Day(to) ?? today;
        var first = Day(from) ?? last.AddDays(1 - DefaultDays);
        if (first > last)
        {
            (first, last) = (last, first);
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            first = last.AddDays(1 - MaxDays);
        }

        return new InsightsPeriod(first, last, string.IsNullOrWhiteSpace(conversation) ? null : conversation.Trim());
    }

    /// <summary>The store's query: always the signed-in person's organization, whatever the request says.</summary>
    public EngagementQuery QueryFor(StudioUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new EngagementQuery(user.Organization, Start(From), Start(To.AddDays(1)), ConversationId);
    }

    /// <summary>The query string that shows this period again (<c>from=…&amp;to=…[&amp;conversation=…]</c>).</summary>
    public string QueryString() =>
        $"from={Text(From)}&to={Text(To)}" + (ConversationId is null ? string.Empty : "&conversation=" + Uri.EscapeDataString(ConversationId));

    public static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
