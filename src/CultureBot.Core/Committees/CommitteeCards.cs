using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Committees;

/// <summary>
/// The committee card (<c>cards/*/committee.json</c>): one template whose sections follow its kind — a reminder
/// (members, invite, questions, logistics, minutes, nudge), a meeting notice (planned, moved, cancelled), the
/// committee's overview, the persona freshness reminder. Times are written in the committee's zone and language.
/// </summary>
public sealed class CommitteeCards(StringTable strings, CommitteeLinks links)
{
    public const string Card = "committee";

    public BotMessage Reminder(ReminderKind kind, Committee committee, CommitteeMeeting meeting, IReadOnlyList<MeetingRsvp> rsvps, IReadOnlyList<string> questions)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(rsvps);
        ArgumentNullException.ThrowIfNull(questions);
        var culture = Culture(committee);
        var data = Meeting(committee, meeting, culture);
        data["kind"] = kind.ToString().ToLowerInvariant();
        if (kind == ReminderKind.Logistics)
        {
            data["attendees"] = new JsonArray([.. rsvps.Where(r => r.Attending).Select(r => (JsonNode)(r.Name ?? r.UserId))]);
            data["attending"] = rsvps.Count(r => r.Attending);
        }

        if (kind is ReminderKind.Logistics or ReminderKind.Minutes)
        {
            data["questions"] = new JsonArray([.. questions.Select(q => (JsonNode)q)]);
        }

        return BotMessage.FromCard(Card, data, strings.Format("committeeReminder" + kind, culture, committee.Name, data["when"]!.GetValue<string>()));
    }

    /// <summary>A meeting planned, moved or cancelled, told to the channel with its invitation.</summary>
    public BotMessage Notice(Committee committee, CommitteeMeeting meeting, string status)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(meeting);
        var culture = Culture(committee);
        var data = Meeting(committee, meeting, culture);
        data["kind"] = "notice";
        data["status"] = status;
        return BotMessage.FromCard(Card, data, strings.Format("committeeNotice_" + status, culture, committee.Name, data["when"]!.GetValue<string>()));
    }

    /// <summary>The committee at a glance: its settings, its meetings to come and the next reminders.</summary>
    public BotMessage Overview(Committee committee, IReadOnlyList<CommitteeMeeting> meetings, IReadOnlyList<CommitteeReminder> next, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(meetings);
        ArgumentNullException.ThrowIfNull(next);
        var culture = Culture(committee);
        var zone = TimeZones.Find(committee.TimeZone);
        var data = new JsonObject
        {
            ["kind"] = "overview",
            ["committee"] = committee.Name,
            ["zone"] = committee.TimeZone,
            ["cadence"] = committee.CadenceMonths,
            ["length"] = Duration(committee.Length),
            ["meetings"] = new JsonArray([.. meetings.Where(m => m.EndsAt > now).Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id.ToString(CultureInfo.InvariantCulture),
                ["when"] = When(m, zone, culture),
                ["cancelled"] = m.Status == MeetingStatus.Cancelled,
            })]),
            ["reminders"] = new JsonArray([.. next.Select(r => (JsonNode)new JsonObject
            {
                ["what"] = strings.Get("committeeKind" + r.Kind, culture),
                ["when"] = At(r.DueAt, zone, culture),
            })]),
        };
        PersonaCards.AddIfPresent(data, "place", committee.Place);
        return BotMessage.FromCard(Card, data, committee.Name);
    }

    /// <summary>To the owner: the personas were last refreshed long ago; the committee is where to hear customers again.</summary>
    public BotMessage Freshness(Committee committee, PersonaPack pack)
    {
        ArgumentNullException.ThrowIfNull(committee);
        ArgumentNullException.ThrowIfNull(pack);
        var culture = Culture(committee);
        var updated = pack.Updated?.ToString("d MMMM yyyy", culture) ?? "?";
        var data = new JsonObject
        {
            ["kind"] = "freshness",
            ["committee"] = committee.Name,
            ["pack"] = pack.Organization ?? pack.Slug,
            ["updated"] = updated,
        };
        return BotMessage.FromCard(Card, data, strings.Format("committeeFreshnessSummary", culture, pack.Organization ?? pack.Slug, updated));
    }

    private JsonObject Meeting(Committee committee, CommitteeMeeting meeting, CultureInfo culture)
    {
        var data = new JsonObject
        {
            ["committee"] = committee.Name,
            ["meeting"] = meeting.Id.ToString(CultureInfo.InvariantCulture),
            ["when"] = When(meeting, TimeZones.Find(committee.TimeZone), culture),
            ["length"] = Duration(meeting.Length),
        };
        PersonaCards.AddIfPresent(data, "place", meeting.Place ?? committee.Place);
        PersonaCards.AddIfPresent(data, "ics", links.Invitation(meeting));
        PersonaCards.AddIfPresent(data, "minutes", meeting.Minutes);
        return data;
    }

    /// <summary>"Thursday 16 April 2026, 18:30–21:00 (Europe/Paris)", in the committee's language.</summary>
    public static string When(CommitteeMeeting meeting, TimeZoneInfo zone, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(zone);
        var end = TimeZoneInfo.ConvertTime(meeting.EndsAt, zone);
        var day = culture.TextInfo.ToTitleCase(meeting.LocalStart.ToString("dddd", culture)) + meeting.LocalStart.ToString(" d MMMM yyyy", culture);
        return string.Create(CultureInfo.InvariantCulture, $"{day}, {meeting.LocalStart:HH:mm}–{end:HH:mm} ({zone.Id})");
    }

    private static string At(DateTimeOffset instant, TimeZoneInfo zone, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("ddd d MMM yyyy", culture) + local.ToString(" HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>2 h 30 (the same in both languages).</summary>
    public static string Duration(TimeSpan length) =>
        length.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours} h")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)length.TotalHours} h {length.Minutes:00}");

    private static CultureInfo Culture(Committee committee) => CultureInfo.GetCultureInfo(committee.Language);
}

/// <summary>The public address of each meeting's calendar invitation, when the host knows its own public address.</summary>
public sealed class CommitteeLinks(string? publicUrl)
{
    public string? Invitation(CommitteeMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return publicUrl is { Length: > 0 } root ? $"{root.TrimEnd('/')}/committees/invitations/{meeting.IcsToken}.ics" : null;
    }
}
