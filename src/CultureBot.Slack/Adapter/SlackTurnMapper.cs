using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Schema;

namespace CultureBot.Slack.Adapter;

/// <summary>
/// Reads a Slack payload as a platform-neutral <see cref="Turn"/>.
/// Buttons follow one convention so that cards stay the same on both platforms: the action id is the
/// router's verb, optionally <c>verb:argument</c>; the button's value is the argument; a block id of the form
/// <c>scope:session:question</c> carries the state of a multi-step card (the finder, the quiz), which the
/// Teams twin puts in <c>Action.Execute</c> data.
/// </summary>
public static partial class SlackTurnMapper
{
    /// <summary>What the mapper needs besides the payload.</summary>
    /// <param name="BotUserId">The bot's user id in the workspace (to strip its mention and recognise its own joins).</param>
    /// <param name="Culture">The user's UI culture (Slack payloads carry no locale: users.info tells it).</param>
    /// <param name="TimeZone">The user's IANA time zone, when known.</param>
    public sealed record Context(string? BotUserId, CultureInfo Culture, string? TimeZone, DateTimeOffset Now);

    public static Turn ToTurn(SlackInbound inbound, Context context)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        ArgumentNullException.ThrowIfNull(context);
        var team = inbound.TeamId ?? string.Empty;
        return inbound.Typed switch
        {
            SlackSlashCommand command => FromCommand(command, team, inbound.UserId, context),
            SlackInteraction interaction => FromInteraction(interaction, team, inbound.UserId, context),
            var body => FromEvent(body as SlackEventCallback, team, inbound.UserId, context),
        };
    }

    /// <summary>Where a conversation id points, from Slack's id prefixes (D: direct message, G: private channel or group DM).</summary>
    public static ConversationKind KindOf(string? channelId, string? channelType = null) => channelType switch
    {
        "im" => ConversationKind.Personal,
        "mpim" => ConversationKind.GroupChat,
        "channel" or "group" => ConversationKind.Channel,
        _ => channelId is { Length: > 0 } && channelId[0] == 'D' ? ConversationKind.Personal : ConversationKind.Channel,
    };

    private static Turn FromCommand(SlackSlashCommand command, string team, string? user, Context context)
    {
        var text = Unescape(command.Text ?? string.Empty).Trim();
        return Build(TurnKind.Message, team, command.ChannelId, null, user, command.UserName, context, "slash_command") with
        {
            // A bare "/culturebot" asks what the bot can do.
            Text = text.Length == 0 ? "help" : text,
            Mentions = MentionsIn(command.Text, context.BotUserId),
            InboundId = command.TriggerId,
        };
    }

    private static Turn FromInteraction(SlackInteraction interaction, string team, string? user, Context context)
    {
        var click = interaction as SlackBlockActions;
        var channel = click?.Channel?.Id ?? click?.Container?.ChannelId;
        var turn = Build(TurnKind.Other, team, channel, null, user, interaction.User?.Name, context, interaction.Type);

        switch (interaction)
        {
            case SlackBlockActions { Actions: [{ } action, ..] } actions:
                var (verb, data) = ReadAction(action);

                // Inputs in the same message (a form) arrive in state.values, as Teams sends Input.* values with the submit.
                foreach (var (field, value) in ReadState(actions.State))
                {
                    data.TryAdd(field, value?.DeepClone());
                }

                return turn with { Kind = TurnKind.Action, ActionVerb = verb, ActionData = data, InboundId = action.ActionTs };

            case SlackViewSubmission { View: { } view }:
                return turn with { Kind = TurnKind.Action, ActionVerb = view.CallbackId, ActionData = ReadState(view.State) };

            default:
                return turn;
        }
    }

    private static Turn FromEvent(SlackEventCallback? callback, string team, string? user, Context context)
    {
        var ev = callback?.Event;
        var turn = Build(TurnKind.Other, team, ev?.Channel, ev?.ChannelType, user, null, context, ev?.Type) with { InboundId = callback?.EventId };

        switch (ev)
        {
            case SlackAppMentionEvent mention:
                return turn with { Kind = TurnKind.Message, Text = CleanText(mention.Text, context.BotUserId), Mentions = MentionsIn(mention.Text, context.BotUserId) };

            case SlackMessageEvent { ChannelType: "im" } message when IsFromPerson(message, context.BotUserId):
                return turn with { Kind = TurnKind.Message, Text = CleanText(message.Text, context.BotUserId), Mentions = MentionsIn(message.Text, context.BotUserId) };

            case SlackMemberJoinedChannelEvent when user is not null && user == context.BotUserId:
                return turn with { Kind = TurnKind.ConversationStarted };

            case SlackMemberJoinedChannelEvent when user is not null:
                return turn with { Kind = TurnKind.MembersAdded, Members = [new BotUser(user, null)] };

            case SlackTeamJoinEvent { User: { } member } when user is not null:
                // A new member of the workspace; the adapter opens the direct message this turn lives in.
                return turn with { Kind = TurnKind.MembersAdded, Members = [new BotUser(user, member.RealName)] };

            case SlackAppHomeOpenedEvent { Tab: "messages" }:
                // The first visit to the bot's Messages tab is its install moment in a direct message.
                return turn with { Kind = TurnKind.ConversationStarted };

            default:
                return turn;
        }
    }

    private static Turn Build(TurnKind kind, string team, string? channel, string? channelType, string? user, string? userName, Context context, string? rawType) =>
        new()
        {
            Kind = kind,
            Conversation = new ConversationReference(
                new ConversationKey(Platforms.Slack, team, channel ?? user ?? string.Empty),
                KindOf(channel, channelType),
                null,
                context.BotUserId,
                user,
                context.Culture.Name,
                context.TimeZone,
                context.Now),
            Culture = context.Culture,
            From = user is null ? null : new BotUser(user, userName),
            RawType = rawType,
        };

    /// <summary>A person's message, not the bot's own nor an edit, deletion or other subtype.</summary>
    private static bool IsFromPerson(SlackMessageEvent message, string? botUserId) =>
        message.BotId is null && message.Subtype is null && message.User is { IdOnly: true, Id: { } user } && user != botUserId;

    private static (string? Verb, JsonObject Data) ReadAction(SlackBlockAction action)
    {
        var actionId = action.ActionId ?? string.Empty;
        var separator = actionId.IndexOf(':', StringComparison.Ordinal);
        var verb = separator < 0 ? actionId : actionId[..separator];
        var argument = action.Value ?? action.SelectedOption?.Value ?? (separator < 0 ? null : actionId[(separator + 1)..]);
        var data = new JsonObject();
        if (argument is not null)
        {
            data["args"] = argument;
            data["answer"] = argument;
        }

        var block = (action.BlockId ?? string.Empty).Split(':', 3);
        if (block.Length == 3)
        {
            data["session"] = block[1];
            data["question"] = block[2];
        }

        return (verb.Length == 0 ? null : verb, data);
    }

    private static JsonObject ReadState(SlackViewState? state)
    {
        // state.values: block_id → action_id → { type, value | selected_option }. Flattened to action_id → value.
        var data = new JsonObject();
        foreach (var (_, inputs) in state?.Values ?? [])
        {
            foreach (var (actionId, input) in inputs ?? [])
            {
                data[actionId] = input?.Value ?? input?.SelectedOption?.Value;
            }
        }

        return data;
    }

    /// <summary>The text without the bot's mention, with Slack's three escapes undone.</summary>
    internal static string CleanText(string? text, string? botUserId)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutBot = botUserId is null ? text : text.Replace($"<@{botUserId}>", string.Empty, StringComparison.Ordinal);
        return Unescape(AnyMention().Replace(withoutBot, m => botUserId is null ? string.Empty : m.Value)).Trim();
    }

    /// <summary>The people a text @mentions (<c>&lt;@U123&gt;</c>, <c>&lt;@U123|name&gt;</c> in escaped commands), the bot excepted.</summary>
    internal static IReadOnlyList<BotUser> MentionsIn(string? text, string? botUserId) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. UserMention().Matches(text)
                .Select(m => new BotUser(m.Groups["id"].Value, m.Groups["name"].Success ? m.Groups["name"].Value : null))
                .Where(u => u.Id != botUserId)
                .DistinctBy(u => u.Id)];

    [GeneratedRegex(@"<@(?<id>[UW][A-Z0-9]+)(\|(?<name>[^>]*))?>")]
    private static partial Regex UserMention();

    /// <summary>Slack escapes only &amp;, &lt; and &gt; in message text.</summary>
    private static string Unescape(string text) => WebUtility.HtmlDecode(text);

    /// <summary>Without a known bot id, any leading mention is taken to be the bot's (app_mention always starts with it).</summary>
    [GeneratedRegex(@"^\s*<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex AnyMention();
}
