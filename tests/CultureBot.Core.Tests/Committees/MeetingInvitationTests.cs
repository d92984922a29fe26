using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Testing;

namespace CultureBot.Core.Tests.Committees;

/// <summary>
/// The meeting's calendar invitation against RFC 5545's rules (checked here, rule by rule), and read back by a
/// calendar library we did not write (Python's <c>icalendar</c>, Debian's package), whose times computed from the
/// file's own VTIMEZONE must be the meeting's.
/// </summary>
public partial class MeetingInvitationTests
{
    private static readonly Committee Panel = new(
        7, "Panel clients; saison 2, « vélo »", new ConversationKey(Platforms.Teams, "t", "19:c"), "29:o", "Léa", new ConversationKey(Platforms.Teams, "t", "user:29:o"),
        "fr", "Europe/Paris", 3, TimeSpan.FromMinutes(150), "Siège, 12 rue des Cyclistes; salle 4", DateTimeOffset.UnixEpoch);

    /// <summary>After the spring change in Paris: 18:30 CEST is 16:30 UTC.</summary>
    private static readonly CommitteeMeeting AfterChange = new(
        3, 7, new DateTime(2026, 4, 16, 18, 30, 0), new DateTimeOffset(2026, 4, 16, 16, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(150), null,
        MeetingStatus.Scheduled, 2, "5f1c8f0e7a5b4c8e9d1e2f3a4b5c6d7e@culturebot", "0123456789abcdef0123456789abcdef");

    private static readonly DateTimeOffset Stamp = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_invitation_follows_the_rules_of_RFC_5545()
    {
        var ics = MeetingInvitation.Write(Panel, AfterChange, "Ordre du jour : écoute, questions, synthèse.\nVenez nombreux, merci !", Stamp);
        AssertFollowsRfc5545(ics);

        var lines = Unfold(ics);
        Assert.Contains("DTSTART;TZID=Europe/Paris:20260416T183000", lines);
        Assert.Contains("DTEND;TZID=Europe/Paris:20260416T210000", lines);
        Assert.Contains("DTSTAMP:20260301T100000Z", lines);
        Assert.Contains("SEQUENCE:2", lines);
        Assert.Contains(@"SUMMARY:Panel clients\; saison 2\, « vélo »", lines);
        Assert.Contains(@"LOCATION:Siège\, 12 rue des Cyclistes\; salle 4", lines);
        Assert.Contains(@"DESCRIPTION:Ordre du jour : écoute\, questions\, synthèse.\nVenez nombreux\, merci !", lines);
        // The zone's changes around the meeting: spring 2025, autumn 2025, spring 2026, autumn 2026, spring 2027.
        Assert.Contains("DTSTART:20260329T020000", lines);
        Assert.Contains("DTSTART:20261025T030000", lines);
    }

    [Fact]
    public void A_zone_without_changes_has_one_standard_observance_and_utc_needs_no_zone()
    {
        var tokyo = MeetingInvitation.Write(Panel with { TimeZone = "Asia/Tokyo" }, AfterChange with { StartsAt = new DateTimeOffset(2026, 4, 16, 9, 30, 0, TimeSpan.Zero) }, null, Stamp);
        AssertFollowsRfc5545(tokyo);
        Assert.Contains("TZOFFSETTO:+0900", Unfold(tokyo));
        Assert.Single(Unfold(tokyo), l => l == "BEGIN:STANDARD");

        var utc = MeetingInvitation.Write(Panel with { TimeZone = "UTC" }, AfterChange with { StartsAt = new DateTimeOffset(2026, 4, 16, 18, 30, 0, TimeSpan.Zero) }, null, Stamp);
        AssertFollowsRfc5545(utc);
        Assert.Contains("DTSTART:20260416T183000Z", Unfold(utc));
        Assert.DoesNotContain("BEGIN:VTIMEZONE", Unfold(utc));
    }

    [Fact]
    public void A_cancelled_meeting_is_published_cancelled_under_the_same_uid()
    {
        var ics = MeetingInvitation.Write(Panel, AfterChange with { Status = MeetingStatus.Cancelled, Sequence = 3 }, null, Stamp);
        AssertFollowsRfc5545(ics);
        Assert.Contains("STATUS:CANCELLED", Unfold(ics));
        Assert.Contains("UID:" + AfterChange.Uid, Unfold(ics));
        Assert.Contains("SEQUENCE:3", Unfold(ics));
    }

    [SkippableTheory]
    [InlineData("Europe/Paris", 2026, 3, 26, "2026-03-26T17:30:00+00:00", "2026-03-26T20:00:00+00:00")] // before the change: CET, UTC+1
    [InlineData("Europe/Paris", 2026, 4, 16, "2026-04-16T16:30:00+00:00", "2026-04-16T19:00:00+00:00")] // after: CEST, UTC+2
    [InlineData("America/New_York", 2026, 11, 5, "2026-11-05T23:30:00+00:00", "2026-11-06T02:00:00+00:00")] // after the autumn change: EST, UTC-5
    [InlineData("Australia/Sydney", 2026, 4, 2, "2026-04-02T07:30:00+00:00", "2026-04-02T10:00:00+00:00")] // southern summer: AEDT, UTC+11
    public async Task A_calendar_library_reads_the_meeting_at_its_utc_time_from_the_file_alone(string zone, int year, int month, int day, string start, string end)
    {
        var python = "/usr/bin/python3";
        var available = File.Exists(python) && (await RunAsync(python, "-c \"import icalendar\"")).ExitCode == 0;
        if (!available && PeerTools.InCi)
        {
            throw new InvalidOperationException("CI needs the real peer: Debian's python3-icalendar is not installed.");
        }

        Skip.IfNot(available, "Debian's python3-icalendar is not installed (scripts/test-deps.sh installs it)");
        var local = new DateTime(year, month, day, 18, 30, 0);
        var startsAt = CultureBot.Core.Localization.TimeZones.ToUtc(local, CultureBot.Core.Localization.TimeZones.Find(zone));
        var ics = MeetingInvitation.Write(Panel with { TimeZone = zone }, AfterChange with { LocalStart = local, StartsAt = startsAt }, "Ligne 1\nLigne 2", Stamp);
        var path = Path.Combine(Path.GetTempPath(), $"culturebot-{Guid.NewGuid():N}.ics");
        await File.WriteAllTextAsync(path, ics, new UTF8Encoding(false));

        var run = await RunAsync(python, $"\"{Path.Combine(AppContext.BaseDirectory, "Committees", "ics_peer_check.py")}\" \"{path}\"");

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"start {start}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"end {end}", run.Output, StringComparison.Ordinal);
        Assert.Contains("summary Panel clients; saison 2, « vélo »", run.Output, StringComparison.Ordinal);
        Assert.Contains("location Siège, 12 rue des Cyclistes; salle 4", run.Output, StringComparison.Ordinal);
        Assert.Contains("sequence 2", run.Output, StringComparison.Ordinal);
        Assert.Contains("version 2.0", run.Output, StringComparison.Ordinal);
    }

    /// <summary>RFC 5545's rules, each checked on its own: what a strict calendar would refuse.</summary>
    private static void AssertFollowsRfc5545(string ics)
    {
        // §3.1: lines end in CRLF, no bare CR or LF; no physical line longer than 75 octets; continuation lines start with a space or tab.
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        Assert.DoesNotMatch(BareNewline(), ics);
        foreach (var physical in ics[..^2].Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(physical) <= 75, $"a line of more than 75 octets: {physical}");
        }

        var lines = Unfold(ics);
        // §3.4, §3.6: one VCALENDAR; components balanced; VERSION 2.0 and PRODID exactly once.
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        var open = new Stack<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("BEGIN:", StringComparison.Ordinal))
            {
                open.Push(line[6..]);
            }
            else if (line.StartsWith("END:", StringComparison.Ordinal))
            {
                Assert.Equal(open.Pop(), line[4..]);
            }
            else
            {
                // §3.1: name *(";" param) ":" value; names are IANA tokens.
                Assert.Matches(ContentLine(), line);
            }
        }

        Assert.Empty(open);
        Assert.Single(lines, l => l == "VERSION:2.0");
        Assert.Single(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));

        // §3.6.1: an event has UID and DTSTAMP once, DTSTAMP in UTC; DTSTART; DTEND after it when in the same zone.
        var vevent = Component(lines, "VEVENT");
        Assert.Single(vevent, l => l.StartsWith("UID:", StringComparison.Ordinal));
        Assert.Matches(UtcStamp(), Assert.Single(vevent, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal)));
        var dtStart = Assert.Single(vevent, l => l.StartsWith("DTSTART", StringComparison.Ordinal));
        var dtEnd = Assert.Single(vevent, l => l.StartsWith("DTEND", StringComparison.Ordinal));
        Assert.True(string.CompareOrdinal(dtEnd.Split(':')[1], dtStart.Split(':')[1]) > 0, "DTEND must be after DTSTART");

        // §3.2.19: a TZID parameter names a VTIMEZONE of the same object.
        var zones = lines.Where(l => l.StartsWith("TZID:", StringComparison.Ordinal)).Select(l => l[5..]).ToList();
        foreach (System.Text.RegularExpressions.Match m in TzidParameter().Matches(string.Join("\n", vevent)))
        {
            Assert.Contains(m.Groups[1].Value, zones);
        }

        // §3.6.5: a VTIMEZONE has a TZID and at least one STANDARD or DAYLIGHT, each with a local DTSTART, TZOFFSETFROM and TZOFFSETTO.
        if (zones.Count > 0)
        {
            var zone = Component(lines, "VTIMEZONE");
            var observances = zone.Count(l => l is "BEGIN:STANDARD" or "BEGIN:DAYLIGHT");
            Assert.True(observances >= 1, "a VTIMEZONE needs an observance");
            Assert.Equal(observances, zone.Count(l => LocalDateTime().IsMatch(l)));
            Assert.Equal(observances, zone.Count(l => Offset().IsMatch(l) && l.StartsWith("TZOFFSETFROM", StringComparison.Ordinal)));
            Assert.Equal(observances, zone.Count(l => Offset().IsMatch(l) && l.StartsWith("TZOFFSETTO", StringComparison.Ordinal)));
        }

        // §3.3.11: in TEXT values, commas and semicolons are escaped, and there are no raw line breaks.
        foreach (var line in vevent.Where(l => l.StartsWith("SUMMARY:", StringComparison.Ordinal) || l.StartsWith("LOCATION:", StringComparison.Ordinal) || l.StartsWith("DESCRIPTION:", StringComparison.Ordinal)))
        {
            Assert.DoesNotMatch(UnescapedTextSeparator(), line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        }
    }

    private static List<string> Unfold(string ics) => [.. ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Replace("\r\n\t", string.Empty, StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];

    private static List<string> Component(List<string> lines, string name) =>
        [.. lines.SkipWhile(l => l != "BEGIN:" + name).TakeWhile(l => l != "END:" + name)];

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"\r(?!\n)|(?<!\r)\n")]
    private static partial Regex BareNewline();

    [GeneratedRegex(@"^[A-Z][A-Z0-9-]*(;[A-Z][A-Z0-9-]*=[^;:]+)*:.*$")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^DTSTAMP:\d{8}T\d{6}Z$")]
    private static partial Regex UtcStamp();

    [GeneratedRegex(@";TZID=([^:;]+)")]
    private static partial Regex TzidParameter();

    [GeneratedRegex(@"^DTSTART:\d{8}T\d{6}$")]
    private static partial Regex LocalDateTime();

    [GeneratedRegex(@"^TZOFFSET(FROM|TO):[+-]\d{4}$")]
    private static partial Regex Offset();

    [GeneratedRegex(@"(?<!\\)[,;]")]
    private static partial Regex UnescapedTextSeparator();
}
