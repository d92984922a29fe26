using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Features.Committees;

/// <summary>
/// The customer committee in chat, in the channel of its collaborators (one committee per
/// channel): <c>committee create NAME</c>, <c>committee meeting [DATE] [TIME] [PLACE]</c> (no date: the next one by
/// the cadence), <c>committee</c> (overview: meetings to come and next reminders), <c>committee move N DATE [TIME]</c>,
/// <c>committee cancel N</c>, and the settings <c>place</c>, <c>length</c>, <c>cadence</c>, <c>zone</c>, <c>rename</c>.
/// The reminders' buttons: RSVP, a question for the customers, the minutes.
/// </summary>
public sealed class CommitteeFeature(ICommitteeStore store, CommitteeScheduler scheduler, CommitteeCards cards, PersonalChat personalChat, TimeProvider clock)
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

    /// <summary>Every typed committee command works in a channel only (<see cref="InChannel"/>); the buttons come from cards posted there.</summary>
    public static void Map(FeatureRoutes<CommitteeFeature> routes) => routes
        .MapCommand("committee", committee => InChannel(committee.OverviewAsync))
        .MapSubCommand("committee", "committee-create", committee => InChannel(committee.CreateAsync))
        .MapSubCommand("committee", "committee-meeting", committee => InChannel(committee.PlanAsync))
        .MapSubCommand("committee", "committee-move", committee => InChannel(committee.MoveAsync))
        .MapSubCommand("committee", "committee-cancel", committee => InChannel(committee.CancelAsync))
        .MapSubCommand("committee", "committee-place", committee => InChannel(committee.ChangeSetting(Setting.Place)))
        .MapSubCommand("committee", "committee-length", committee => InChannel(committee.ChangeSetting(Setting.Length)))
        .MapSubCommand("committee", "committee-cadence", committee => InChannel(committee.ChangeSetting(Setting.Cadence)))
        .MapSubCommand("committee", "committee-zone", committee => InChannel(committee.ChangeSetting(Setting.Zone)))
        .MapSubCommand("committee", "committee-rename", committee => InChannel(committee.ChangeSetting(Setting.Name)))
        .MapAction(RsvpVerb, committee => committee.RsvpAsync)
        .MapAction(QuestionVerb, committee => committee.QuestionAsync)
        .MapAction(MinutesVerb, committee => committee.MinutesAsync);

    private enum Setting
    {
        Place,
        Length,
        Cadence,
        Zone,
        Name,
    }

    /// <summary>
    /// <paramref name="handler"/> in a channel or group chat; in a personal chat, where a committee has no
    /// collaborators, the way to a channel instead (add the bot to a team channel, invite it to a Slack channel).
    /// </summary>
    private static TurnHandler InChannel(TurnHandler handler) => async (context, cancellationToken) =>
    {
        if (context.Turn.Conversation.Kind != ConversationKind.Personal)
        {
            await handler(context, cancellationToken);
            return;
        }

        var how = context.Turn.Conversation.Key.Platform == Platforms.Slack ? "committeeInChannelOnlySlack" : "committeeInChannelOnlyTeams";
        await ReplyAsync(context, how, cancellationToken);
    };

    private async Task CreateAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var name = context.CommandArguments;
        if (context.Turn.From is not { } owner || name.Length == 0)
        {
            await ReplyAsync(context, "committeeCreateHow", cancellationToken);
            return;
        }

        var here = context.Turn.Conversation;
        var zone = TimeZones.IsKnown(here.TimeZone) ? here.TimeZone! : "UTC";
        var committee = new Committee(
            0, name, here.Key, owner.Id, owner.Name, await personalChat.OpenAsync(context, owner, cancellationToken), context.Culture.Name, zone, 3,
            DefaultLength, null, Now);
        var created = await store.CreateAsync(committee, cancellationToken);
        var text = created is null
            ? context.T("committeeExists")
            : string.Format(context.Culture, context.T("committeeCreated"), name, zone) + (TimeZones.IsKnown(here.TimeZone) ? string.Empty : " " + context.T("committeeZoneAssumed"));
        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    private async Task PlanAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var arguments = context.CommandArguments;
        if (await CommitteeHereAsync(context, cancellationToken) is not { } committee)
        {
            return;
        }

        var now = Now;
        var parsed = MeetingTime.Parse(arguments, now, TimeZones.Find(committee.TimeZone));
        DateTime start;
        if (parsed.Date is { } date)
        {
            start = date.ToDateTime(parsed.Time ?? DefaultStart);
        }
        else if ((await store.MeetingsAsync(committee.Id, cancellationToken)).LastOrDefault(m => m.Status == MeetingStatus.Scheduled) is { } last)
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

        var meeting = await scheduler.PlanMeetingAsync(committee, start, parsed.Rest.Length > 0 ? parsed.Rest : null, now, cancellationToken);
        await context.SendAsync(cards.Notice(committee, meeting, "planned"), cancellationToken);
    }

    private async Task MoveAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (await MeetingArgumentAsync(context, context.CommandArguments, cancellationToken) is not var (committee, meeting, rest))
        {
            return;
        }

        var now = Now;
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

        var moved = await scheduler.RescheduleAsync(committee, meeting, start, now, cancellationToken);
        await context.SendAsync(moved is null ? BotMessage.FromText(context.T("committeeNoSuchMeeting")) : cards.Notice(committee, moved, "moved"), cancellationToken);
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

    private async Task CancelAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (await MeetingArgumentAsync(context, context.CommandArguments, cancellationToken) is not var (committee, meeting, _))
        {
            return;
        }

        if (!await store.CancelAsync(meeting.Id, cancellationToken) || await store.MeetingAsync(meeting.Id, cancellationToken) is not { } cancelled)
        {
            await ReplyAsync(context, "committeeNoSuchMeeting", cancellationToken);
            return;
        }

        await context.SendAsync(cards.Notice(committee, cancelled, "cancelled"), cancellationToken);
    }

    private TurnHandler ChangeSetting(Setting setting) => (context, cancellationToken) => SettingAsync(context, setting, context.CommandArguments, cancellationToken);

    private async Task SettingAsync(TurnContext context, Setting setting, string value, CancellationToken cancellationToken)
    {
        if (await CommitteeHereAsync(context, cancellationToken) is not { } committee)
        {
            return;
        }

        Committee? changed = setting switch
        {
            Setting.Place when value.Length > 0 => committee with { Place = value },
            Setting.Name when value.Length > 0 => committee with { Name = value },
            Setting.Zone when TimeZones.IsKnown(value) => committee with { TimeZone = value },
            Setting.Cadence when int.TryParse(value.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var months) && months is >= 1 and <= 12
                => committee with { CadenceMonths = months },
            Setting.Length when MeetingTime.TryParseLength(value, out var length) => committee with { Length = length },
            _ => null,
        };
        if (changed is null)
        {
            await ReplyAsync(context, "committeeSettingHow", cancellationToken);
            return;
        }

        await store.SaveSettingsAsync(changed, cancellationToken);
        await context.SendAsync(cards.Overview(changed, await store.MeetingsAsync(changed.Id, cancellationToken), [], Now), cancellationToken);
    }

    private async Task OverviewAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (await store.ForChannelAsync(context.Turn.Conversation.Key, cancellationToken) is not { } committee)
        {
            await ReplyAsync(context, "committeeNone", cancellationToken);
            return;
        }

        var meetings = await store.MeetingsAsync(committee.Id, cancellationToken);
        var next = meetings.FirstOrDefault(m => m.Status == MeetingStatus.Scheduled && m.StartsAt.AddDays(2) > Now);
        var reminders = next is null ? [] : await store.PendingRemindersAsync(next.Id, cancellationToken);
        await context.SendAsync(cards.Overview(committee, meetings, reminders, Now), cancellationToken);
    }

    /// <summary>"I'll be there" / "I can't make it": the answer is kept (a second click changes it), the clicker alone is told.</summary>
    private async Task RsvpAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var parts = Args(context).Split(':');
        if (context.Turn.From is not { } person || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var meetingId)
            || await MeetingOfThisChannelAsync(context, meetingId, cancellationToken) is not { Status: MeetingStatus.Scheduled })
        {
            await context.Channel.NotifyActorAsync(context.T("committeeNoSuchMeeting"), cancellationToken);
            return;
        }

        var attending = parts.Length > 1 && parts[1] == "yes";
        await store.SetRsvpAsync(meetingId, new MeetingRsvp(person.Id, person.Name, attending), Now, cancellationToken);
        var count = (await store.RsvpsAsync(meetingId, cancellationToken)).Count(r => r.Attending);
        await context.RecordAsync(EngagementKinds.CommitteeRsvp, value: attending ? 1 : 0, cancellationToken: cancellationToken);
        await context.Channel.NotifyActorAsync(string.Format(context.Culture, context.T(attending ? "committeeRsvpYes" : "committeeRsvpNo"), count), cancellationToken);
    }

    private async Task QuestionAsync(TurnContext context, CancellationToken cancellationToken)
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

        var count = await store.AddQuestionAsync(meetingId, person.Id, person.Name, question, Now, cancellationToken);
        await context.RecordAsync(EngagementKinds.CommitteeQuestion, cancellationToken: cancellationToken);
        await context.Channel.NotifyActorAsync(string.Format(context.Culture, context.T("committeeQuestionSaved"), count), cancellationToken);
    }

    /// <summary>The minutes (a link or a summary) are kept with the meeting and posted to the channel.</summary>
    private async Task MinutesAsync(TurnContext context, CancellationToken cancellationToken)
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

        await store.SetMinutesAsync(meeting.Id, minutes, cancellationToken);
        await context.RecordAsync(EngagementKinds.CommitteeMinutes, cancellationToken: cancellationToken);
        var who = context.Turn.From?.Name ?? context.Turn.From?.Id ?? "?";
        await context.SendAsync(BotMessage.FromText(string.Format(context.Culture, context.T("committeeMinutesShared"), who, minutes)), cancellationToken);
    }

    /// <summary>The meeting a command names by its number (shown by <c>committee</c>), in this channel's committee.</summary>
    private async Task<(Committee, CommitteeMeeting, string)?> MeetingArgumentAsync(TurnContext context, string arguments, CancellationToken cancellationToken)
    {
        if (await CommitteeHereAsync(context, cancellationToken) is not { } committee)
        {
            return null;
        }

        var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0 || !long.TryParse(parts[0].TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || await store.MeetingAsync(id, cancellationToken) is not { } meeting || meeting.CommitteeId != committee.Id || meeting.Status != MeetingStatus.Scheduled)
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
    private async Task<CommitteeMeeting?> MeetingOfThisChannelAsync(TurnContext context, long meetingId, CancellationToken cancellationToken)
    {
        return await store.MeetingAsync(meetingId, cancellationToken) is { } meeting
            && await store.GetAsync(meeting.CommitteeId, cancellationToken) is { } committee
            && committee.Channel.IsSameConversation(context.Turn.Conversation.Key)
            ? meeting
            : null;
    }

    private async Task<Committee?> CommitteeHereAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var committee = await store.ForChannelAsync(context.Turn.Conversation.Key, cancellationToken);
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

    private DateTimeOffset Now => clock.GetUtcNow();
}
