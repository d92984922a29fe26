using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Committees;
using CultureBot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Committees;

/// <summary>
/// The customer committee in chat, English and French, in the channel of its collaborators (one committee per
/// channel): <c>committee create NAME</c>, <c>committee meeting [DATE] [TIME] [PLACE]</c> (no date: the next one by
/// the cadence), <c>committee</c> (overview: meetings to come and next reminders), <c>committee move N DATE [TIME]</c>,
/// <c>committee cancel N</c>, and the settings <c>place</c>, <c>length</c>, <c>cadence</c>, <c>zone</c>, <c>rename</c>.
/// The reminders' buttons: RSVP, a question for the customers, the minutes.
/// </summary>
public static class CommitteeFeature
{
    public const string RsvpVerb = "committee-rsvp";
    public const string QuestionVerb = "committee-question";
    public const string MinutesVerb = "committee-minutes";

    /// <summary>A committee evening lasts two and a half hours unless told otherwise.</summary>
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(150);

    /// <summary>Committees meet in the evening: a meeting planned without a time starts at 18:30.</summary>
    public static readonly TimeOnly DefaultStart = new(18, 30);

    /// <summary>How far ahead a meeting may be planned: a committee meets quarterly, and reminders are computed days around the date (9999-12-31 would overflow them).</summary>
    public const int MaxYearsAhead = 5;

    private const int MaxQuestion = 500;
    private const int MaxMinutes = 4000;

    public static BotRouteBuilder MapCommittees(this BotRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes
            .MapCommand("committee", ["comité", "comite", "committees", "comités"], HandleAsync)
            .MapAction(RsvpVerb, RsvpAsync)
            .MapAction(QuestionVerb, QuestionAsync)
            .MapAction(MinutesVerb, MinutesAsync);
    }

    private static Task HandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var parts = context.CommandArguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var rest = parts.Length > 1 ? parts[1] : string.Empty;
        return TextMatching.Fold(parts.FirstOrDefault() ?? string.Empty) switch
        {
            "create" or "new" or "creer" or "nouveau" => CreateAsync(context, rest, cancellationToken),
            "meeting" or "plan" or "reunion" or "planifier" => PlanAsync(context, rest, cancellationToken),
            "move" or "reschedule" or "deplacer" or "reporter" => MoveAsync(context, rest, cancellationToken),
            "cancel" or "annuler" => CancelAsync(context, rest, cancellationToken),
            "place" or "lieu" or "length" or "duree" or "cadence" or "rythme" or "zone" or "rename" or "renommer" => SettingAsync(context, TextMatching.Fold(parts[0]), rest, cancellationToken),
            _ => OverviewAsync(context, cancellationToken),
        };
    }

    private static async Task CreateAsync(TurnContext context, string name, CancellationToken cancellationToken)
    {
        if (context.Turn.From is not { } owner || name.Length == 0)
        {
            await ReplyAsync(context, "committeeCreateHow", cancellationToken);
            return;
        }

        var here = context.Turn.Conversation;
        var zone = TimeZones.IsKnown(here.TimeZone) ? here.TimeZone! : "UTC";
        var committee = new Committee(
            0, name, here.Key, owner.Id, owner.Name, await PersonalChat.OpenAsync(context, owner, cancellationToken), context.Culture.Name, zone, 3,
            DefaultLength, null, Now(context));
        var created = await Store(context).CreateAsync(committee, cancellationToken);
        var text = created is null
            ? context.T("committeeExists")
            : string.Format(context.Culture, context.T("committeeCreated"), name, zone) + (TimeZones.IsKnown(here.TimeZone) ? string.Empty : " " + context.T("committeeZoneAssumed"));
        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    private static async Task PlanAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await CommitteeHereAsync(context, cancellationToken) is not { } committee)
        {
            return;
        }

        var now = Now(context);
        var parsed = MeetingTime.Parse(arguments, now, TimeZones.Find(committee.TimeZone));
        DateTime start;
        if (parsed.Date is { } date)
        {
            start = date.ToDateTime(parsed.Time ?? DefaultStart);
        }
        else if ((await Store(context).MeetingsAsync(committee.Id, cancellationToken)).LastOrDefault(m => m.Status == MeetingStatus.Scheduled) is { } last)
        {
            // The cadence: N months after the last one, on the same weekday (the first one on or after that date), same time.
            start = last.LocalStart.AddMonths(committee.CadenceMonths);
            start = start.AddDays(((int)last.LocalStart.DayOfWeek - (int)start.DayOfWeek + 7) % 7);
        }
        else
        {
            await ReplyAsync(context, "committeeMeetingHow", cancellationToken);
            return;
        }

        if (await RefusedDateAsync(context, committee, start, now, cancellationToken))
        {
            return;
        }

        var meeting = await Scheduler(context).PlanMeetingAsync(committee, start, parsed.Rest.Length > 0 ? parsed.Rest : null, now, cancellationToken);
        await context.SendAsync(Cards(context).Notice(committee, meeting, "planned"), cancellationToken);
    }

    private static async Task MoveAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await MeetingArgumentAsync(context, arguments, cancellationToken) is not var (committee, meeting, rest))
        {
            return;
        }

        var now = Now(context);
        var parsed = MeetingTime.Parse(rest, now, TimeZones.Find(committee.TimeZone));
        if (parsed.Date is not { } date)
        {
            await ReplyAsync(context, "committeeMoveHow", cancellationToken);
            return;
        }

        var start = date.ToDateTime(parsed.Time ?? TimeOnly.FromDateTime(meeting.LocalStart));
        if (await RefusedDateAsync(context, committee, start, now, cancellationToken))
        {
            return;
        }

        var moved = await Scheduler(context).RescheduleAsync(committee, meeting, start, now, cancellationToken);
        await context.SendAsync(moved is null ? BotMessage.FromText(context.T("committeeNoSuchMeeting")) : Cards(context).Notice(committee, moved, "moved"), cancellationToken);
    }

    /// <summary>Tells the user when a meeting's start is past or too far ahead (checked before any time-zone arithmetic, which would overflow near year 9999).</summary>
    private static async Task<bool> RefusedDateAsync(TurnContext context, Committee committee, DateTime start, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var zone = TimeZones.Find(committee.TimeZone);
        if (DateOnly.FromDateTime(start) > TimeZones.LocalDate(now, zone).AddYears(MaxYearsAhead))
        {
            await context.SendAsync(BotMessage.FromText(string.Format(context.Culture, context.T("committeeTooFar"), MaxYearsAhead)), cancellationToken);
            return true;
        }

        if (TimeZones.ToUtc(start, zone) <= now)
        {
            await ReplyAsync(context, "committeeInThePast", cancellationToken);
            return true;
        }

        return false;
    }

    private static async Task CancelAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await MeetingArgumentAsync(context, arguments, cancellationToken) is not var (committee, meeting, _))
        {
            return;
        }

        var store = Store(context);
        if (!await store.CancelAsync(meeting.Id, cancellationToken) || await store.MeetingAsync(meeting.Id, cancellationToken) is not { } cancelled)
        {
            await ReplyAsync(context, "committeeNoSuchMeeting", cancellationToken);
            return;
        }

        await context.SendAsync(Cards(context).Notice(committee, cancelled, "cancelled"), cancellationToken);
    }

    private static async Task SettingAsync(TurnContext context, string setting, string value, CancellationToken cancellationToken)
    {
        if (await CommitteeHereAsync(context, cancellationToken) is not { } committee)
        {
            return;
        }

        Committee? changed = setting switch
        {
            "place" or "lieu" when value.Length > 0 => committee with { Place = value },
            "rename" or "renommer" when value.Length > 0 => committee with { Name = value },
            "zone" when TimeZones.IsKnown(value) => committee with { TimeZone = value },
            "cadence" or "rythme" when int.TryParse(value.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 12
                => committee with { CadenceMonths = months },
            "length" or "duree" when MeetingTime.TryParseLength(value, out var length) => committee with { Length = length },
            _ => null,
        };
        if (changed is null)
        {
            await ReplyAsync(context, "committeeSettingHow", cancellationToken);
            return;
        }

        await Store(context).SaveSettingsAsync(changed, cancellationToken);
        await context.SendAsync(Overview(context, changed, await Store(context).MeetingsAsync(changed.Id, cancellationToken), []), cancellationToken);
    }

    private static async Task OverviewAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var store = Store(context);
        if (await store.ForChannelAsync(context.Turn.Conversation.Key, cancellationToken) is not { } committee)
        {
            await ReplyAsync(context, "committeeNone", cancellationToken);
            return;
        }

        var meetings = await store.MeetingsAsync(committee.Id, cancellationToken);
        var next = meetings.FirstOrDefault(m => m.Status == MeetingStatus.Scheduled && m.StartsAt.AddDays(2) > Now(context));
        var reminders = next is null ? [] : await store.PendingRemindersAsync(next.Id, cancellationToken);
        await context.SendAsync(Overview(context, committee, meetings, reminders), cancellationToken);
    }

    private static BotMessage Overview(TurnContext context, Committee committee, IReadOnlyList<CommitteeMeeting> meetings, IReadOnlyList<CommitteeReminder> reminders) =>
        Cards(context).Overview(committee, meetings, reminders, Now(context));

    /// <summary>"I'll be there" / "I can't make it": the answer is kept (a second click changes it), the clicker alone is told.</summary>
    private static async Task RsvpAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var parts = Args(context).Split(':');
        if (context.Turn.From is not { } person || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId)
            || await MeetingOfThisChannelAsync(context, meetingId, cancellationToken) is not { Status: MeetingStatus.Scheduled })
        {
            await context.Channel.NotifyActorAsync(context.T("committeeNoSuchMeeting"), cancellationToken);
            return;
        }

        var attending = parts.Length > 1 && parts[1] == "yes";
        await Store(context).SetRsvpAsync(meetingId, new MeetingRsvp(person.Id, person.Name, attending), Now(context), cancellationToken);
        var count = (await Store(context).RsvpsAsync(meetingId, cancellationToken)).Count(r => r.Attending);
        await context.Channel.NotifyActorAsync(string.Format(context.Culture, context.T(attending ? "committeeRsvpYes" : "committeeRsvpNo"), count), cancellationToken);
    }

    private static async Task QuestionAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var question = ActionValues.Text(context.Turn.ActionData?["question"])?.Trim() ?? string.Empty;
        if (context.Turn.From is not { } person || !long.TryParse(Args(context), NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId)
            || await MeetingOfThisChannelAsync(context, meetingId, cancellationToken) is null)
        {
            await context.Channel.NotifyActorAsync(context.T("committeeNoSuchMeeting"), cancellationToken);
            return;
        }

        if (question.Length == 0 || question.Length > MaxQuestion)
        {
            await context.Channel.NotifyActorAsync(context.T("committeeQuestionEmpty"), cancellationToken);
            return;
        }

        var count = await Store(context).AddQuestionAsync(meetingId, person.Id, person.Name, question, Now(context), cancellationToken);
        await context.Channel.NotifyActorAsync(string.Format(context.Culture, context.T("committeeQuestionSaved"), count), cancellationToken);
    }

    /// <summary>The minutes (a link or a summary) are kept with the meeting and posted to the channel.</summary>
    private static async Task MinutesAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var minutes = ActionValues.Text(context.Turn.ActionData?["minutes"])?.Trim() ?? string.Empty;
        if (!long.TryParse(Args(context), NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId)
            || await MeetingOfThisChannelAsync(context, meetingId, cancellationToken) is not { } meeting)
        {
            await context.Channel.NotifyActorAsync(context.T("committeeNoSuchMeeting"), cancellationToken);
            return;
        }

        if (minutes.Length == 0 || minutes.Length > MaxMinutes)
        {
            await context.Channel.NotifyActorAsync(context.T("committeeMinutesEmpty"), cancellationToken);
            return;
        }

        await Store(context).SetMinutesAsync(meeting.Id, minutes, cancellationToken);
        var who = context.Turn.From?.Name ?? context.Turn.From?.Id ?? "?";
        await context.SendAsync(BotMessage.FromText(string.Format(context.Culture, context.T("committeeMinutesShared"), who, minutes)), cancellationToken);
    }

    /// <summary>The meeting a command names by its number (shown by <c>committee</c>), in this channel's committee.</summary>
    private static async Task<(Committee, CommitteeMeeting, string)?> MeetingArgumentAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await CommitteeHereAsync(context, cancellationToken) is not { } committee)
        {
            return null;
        }

        var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || !long.TryParse(parts[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await Store(context).MeetingAsync(id, cancellationToken) is not { } meeting || meeting.CommitteeId != committee.Id || meeting.Status != MeetingStatus.Scheduled)
        {
            await ReplyAsync(context, "committeeNoSuchMeeting", cancellationToken);
            return null;
        }

        return (committee, meeting, parts.Length > 1 ? parts[1] : string.Empty);
    }

    /// <summary>
    /// The meeting a card button names, when it belongs to the committee of the channel the click comes from: meeting ids
    /// are sequential, so a click naming another channel's (or another organization's) meeting finds nothing.
    /// </summary>
    private static async Task<CommitteeMeeting?> MeetingOfThisChannelAsync(TurnContext context, long meetingId, CancellationToken cancellationToken)
    {
        var store = Store(context);
        return await store.MeetingAsync(meetingId, cancellationToken) is { } meeting
            && await store.GetAsync(meeting.CommitteeId, cancellationToken) is { } committee
            && committee.Channel.IsSameConversation(context.Turn.Conversation.Key)
            ? meeting
            : null;
    }

    private static async Task<Committee?> CommitteeHereAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var committee = await Store(context).ForChannelAsync(context.Turn.Conversation.Key, cancellationToken);
        if (committee is null)
        {
            await ReplyAsync(context, "committeeNone", cancellationToken);
        }

        return committee;
    }

    /// <summary>What a card button carries: the meeting (and for an RSVP, the answer).</summary>
    private static string Args(TurnContext context) => ActionValues.Text(context.Turn.ActionData?["args"]) ?? string.Empty;

    private static Task<string?> ReplyAsync(TurnContext context, string key, CancellationToken cancellationToken) =>
        context.SendAsync(BotMessage.FromText(context.T(key)), cancellationToken);

    private static ICommitteeStore Store(TurnContext context) => context.Services.GetRequiredService<ICommitteeStore>();

    private static CommitteeScheduler Scheduler(TurnContext context) => context.Services.GetRequiredService<CommitteeScheduler>();

    private static CommitteeCards Cards(TurnContext context) => context.Services.GetRequiredService<CommitteeCards>();

    private static DateTimeOffset Now(TurnContext context) => context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
}
