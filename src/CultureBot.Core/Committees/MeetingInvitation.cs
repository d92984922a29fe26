using System.Globalization;
using System.Text;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Committees;

/// <summary>
/// The calendar invitation of a meeting, an iCalendar object (RFC 5545): one VEVENT whose start and end are the
/// wall-clock times in the committee's zone (<c>DTSTART;TZID=…</c>), with the VTIMEZONE that defines that zone's
/// offsets around the meeting, so that a calendar in another zone, or one that does not know the zone, shows the
/// right time. A reschedule raises SEQUENCE under the same UID (calendars update the event); a cancelled meeting
/// is published with STATUS:CANCELLED. Lines end in CRLF and are folded at 75 octets.
/// </summary>
public static class MeetingInvitation
{
    public const string MediaType = "text/calendar; charset=utf-8";

    public static string Write(Committee committee, CommitteeMeeting meeting, string? description, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(meeting);
        var zone = TimeZones.Find(committee.TimeZone);
        var tzid = IanaId(zone);
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//CultureBot//Customer committee//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        };

        var utc = zone == TimeZoneInfo.Utc;
        if (!utc)
        {
            lines.AddRange(TimeZoneDefinition(zone, tzid, meeting.StartsAt, meeting.EndsAt));
        }

        var localEnd = TimeZoneInfo.ConvertTime(meeting.EndsAt, zone).DateTime;
        lines.AddRange(
        [
            "BEGIN:VEVENT",
            "UID:" + Text(meeting.Uid),
            "DTSTAMP:" + UtcDateTime(stamp),
            utc ? "DTSTART:" + UtcDateTime(meeting.StartsAt) : $"DTSTART;TZID={tzid}:{LocalDateTime(meeting.LocalStart)}",
            utc ? "DTEND:" + UtcDateTime(meeting.EndsAt) : $"DTEND;TZID={tzid}:{LocalDateTime(localEnd)}",
            "SEQUENCE:" + meeting.Sequence.ToString(CultureInfo.InvariantCulture),
            "STATUS:" + (meeting.Status == MeetingStatus.Cancelled ? "CANCELLED" : "CONFIRMED"),
            "SUMMARY:" + Text(committee.Name),
        ]);
        if ((meeting.Place ?? committee.Place) is { Length: > 0 } place)
        {
            lines.Add("LOCATION:" + Text(place));
        }

        if (description is { Length: > 0 })
        {
            lines.Add("DESCRIPTION:" + Text(description));
        }

        lines.Add("TRANSP:OPAQUE");
        lines.Add("END:VEVENT");
        lines.Add("END:VCALENDAR");

        var ics = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(ics, line);
        }

        return ics.ToString();
    }

    /// <summary>
    /// The zone's offsets from a year before the meeting to a year after: one observance per change (DTSTART is the
    /// local time of the change in the offset it ends), or, for a zone without changes, one standard observance.
    /// Explicit changes rather than RRULEs: exact for any zone, whatever rules it followed in that period.
    /// </summary>
    private static IEnumerable<string> TimeZoneDefinition(TimeZoneInfo zone, string tzid, DateTimeOffset start, DateTimeOffset end)
    {
        yield return "BEGIN:VTIMEZONE";
        yield return "TZID:" + tzid;
        var changes = Transitions(zone, start.AddYears(-1), end.AddYears(1)).ToList();
        if (changes.Count == 0)
        {
            var offset = Offset(zone.GetUtcOffset(start));
            yield return "BEGIN:STANDARD";
            yield return "DTSTART:19700101T000000";
            yield return "TZOFFSETFROM:" + offset;
            yield return "TZOFFSETTO:" + offset;
            yield return "END:STANDARD";
        }

        foreach (var (at, from, to) in changes)
        {
            var component = zone.IsDaylightSavingTime(at) ? "DAYLIGHT" : "STANDARD";
            yield return "BEGIN:" + component;
            yield return "DTSTART:" + LocalDateTime((at + from).DateTime);
            yield return "TZOFFSETFROM:" + Offset(from);
            yield return "TZOFFSETTO:" + Offset(to);
            yield return "END:" + component;
        }

        yield return "END:VTIMEZONE";
    }

    /// <summary>The instants (to the minute) where the zone's offset changes between two instants.</summary>
    internal static IEnumerable<(DateTimeOffset At, TimeSpan From, TimeSpan To)> Transitions(TimeZoneInfo zone, DateTimeOffset from, DateTimeOffset to)
    {
        var day = new DateTimeOffset(from.UtcDateTime.Date, TimeSpan.Zero);
        var offset = zone.GetUtcOffset(day);
        while (day < to)
        {
            var next = day.AddDays(1);
            var nextOffset = zone.GetUtcOffset(next);
            if (nextOffset != offset)
            {
                // The first minute of the day with the new offset.
                long low = 0, high = 24 * 60;
                while (low < high)
                {
                    var middle = (low + high) / 2;
                    if (zone.GetUtcOffset(day.AddMinutes(middle)) == offset)
                    {
                        low = middle + 1;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                yield return (day.AddMinutes(low), offset, nextOffset);
                offset = nextOffset;
            }

            day = next;
        }
    }

    /// <summary>Calendars expect IANA names (Europe/Paris); a Windows id (Romance Standard Time) is translated.</summary>
    private static string IanaId(TimeZoneInfo zone) =>
        zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id;

    private static string UtcDateTime(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string LocalDateTime(DateTime local) => local.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Offset(TimeSpan offset) =>
        (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString("hhmm", CultureInfo.InvariantCulture);

    /// <summary>TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, line breaks as \n.</summary>
    internal static string Text(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Content lines longer than 75 octets are folded (§3.1): CRLF and a space, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = 74; // the leading space counts
            }

            ics.Append(rune.ToString());
            octets += size;
        }

        ics.Append("\r\n");
    }
}
