using System.Globalization;
using System.Text.RegularExpressions;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Features.Committees;

/// <summary>
/// A meeting's date and time as people type them: <c>2026-04-16 18:30</c>, <c>16/04/2026 18h30</c>, <c>16/04 18h</c>
/// (the next such day); whatever follows is the place.
/// </summary>
public static partial class MeetingTime
{
    public sealed record Parsed(DateOnly? Date, TimeOnly? Time, string Rest);

    public static Parsed Parse(string text, DateTimeOffset now, TimeZoneInfo zone)
    {
        DateOnly? date = null;
        TimeOnly? time = null;
        var rest = new List<string>();
        foreach (var word in (text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (date is null && TryParseDate(word, TimeZones.LocalDate(now, zone), out var d))
            {
                date = d;
            }
            else if (date is not null && time is null && rest.Count == 0 && ClockTimes.TryParse(word.ToLowerInvariant(), out var t))
            {
                time = t;
            }
            else
            {
                rest.Add(word);
            }
        }

        return new Parsed(date, time, string.Join(' ', rest));
    }

    private static bool TryParseDate(string word, DateOnly today, out DateOnly date)
    {
        if (DateOnly.TryParseExact(word, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(word, ["d/M/yyyy", "d.M.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        // Day and month only: the next time that date comes round.
        if (DayMonth().Match(word) is { Success: true } m
            && int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) is var day and >= 1 and <= 31
            && int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12
            && day <= DateTime.DaysInMonth(today.Year + 1, month))
        {
            var year = today.Year;
            if (day > DateTime.DaysInMonth(year, month) || new DateOnly(year, month, day) < today)
            {
                year++;
            }

            date = new DateOnly(year, month, day);
            return true;
        }

        return false;
    }

    /// <summary>A meeting's length: <c>2h30</c>, <c>2h</c>, <c>150</c> or <c>150min</c> (minutes), 30 minutes to 12 hours.</summary>
    public static bool TryParseLength(string text, out TimeSpan length)
    {
        length = default;
        if (LengthPattern().Match((text ?? string.Empty).Trim().ToLowerInvariant()) is not { Success: true } m)
        {
            return false;
        }

        var minutes = m.Groups["h"].Success
            ? int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture) * 60 + (m.Groups["hm"].Success ? int.Parse(m.Groups["hm"].Value, CultureInfo.InvariantCulture) : 0)
            : int.Parse(m.Groups["min"].Value, CultureInfo.InvariantCulture);
        if (minutes is < 30 or > 12 * 60)
        {
            return false;
        }

        length = TimeSpan.FromMinutes(minutes);
        return true;
    }

    [GeneratedRegex(@"^(?<d>\d{1,2})/(?<m>\d{1,2})$")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"^(?:(?<h>\d{1,2})\s?h\s?(?<hm>\d{2})?|(?<min>\d{2,3})\s?(?:min)?)$")]
    private static partial Regex LengthPattern();
}
