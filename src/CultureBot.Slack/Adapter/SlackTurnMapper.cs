using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Slack.Inbound;

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
        var payload = inbound.Payload;
        var team = inbound.TeamId ?? string.Empty;
        return inbound.Kind switch
        {
            SlackInboundKind.Command => FromCommand(payload, team, context),
            SlackInboundKind.Interaction => FromInteraction(payload, team, context),
            _ => FromEvent(payload, team, context),
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

    private static Turn FromCommand(JsonObject payload, string team, Context context)
    {
        var user = Str(payload["user_id"]);
        var text = Unescape(Str(payload["text"]) ?? string.Empty).Trim();
        return Build(TurnKind.Message, team, Str(payload["channel_id"]), null, user, Str(payload["user_name"]), context, "slash_command") with
        {
            // A bare "/culturebot" asks what the bot can do.
            Text = text.Length == 0 ? "help" : text,
            Mentions = MentionsIn(Str(payload["text"]), context.BotUserId),
            InboundId = Str(payload["trigger_id"]),
        };
    }

    private static Turn FromInteraction(JsonObject payload, string team, Context context)
    {
        var type = Str(payload["type"]);
        var user = Str(payload["user"]?["id"]);
        var name = Str(payload["user"]?["name"]);
        var channel = Str(payload["channel"]?["id"]) ?? Str(payload["container"]?["channel_id"]);
        var turn = Build(TurnKind.Other, team, channel, null, user, name, context, type);

        if (type == "block_actions" && payload["actions"] is JsonArray { Count: > 0 } actions && actions[0] is JsonObject action)
        {
            var (verb, data) = ReadAction(action);

            // Inputs in the same message (a form) arrive in state.values, as Teams sends Input.* values with the submit.
            foreach (var (field, value) in ReadState(payload["state"]))
            {
                data.TryAdd(field, value?.DeepClone());
            }

            return turn with { Kind = TurnKind.Action, ActionVerb = verb, ActionData = data, InboundId = Str(action["action_ts"]) };
        }

        if (type == "view_submission" && payload["view"] is JsonObject view)
        {
            return turn with { Kind = TurnKind.Action, ActionVerb = Str(view["callback_id"]), ActionData = ReadState(view["state"]) };
        }

        return turn;
    }

    private static Turn FromEvent(JsonObject payload, string team, Context context)
    {
        var ev = payload["event"] as JsonObject ?? [];
        var type = Str(ev["type"]);
        var channel = Str(ev["channel"]);
        var user = Str(ev["user"]) ?? Str((ev["user"] as JsonObject)?["id"]);
        var turn = Build(TurnKind.Other, team, channel, Str(ev["channel_type"]), user, null, context, type) with { InboundId = Str(payload["event_id"]) };

        switch (type)
        {
            case "app_mention":
            case "message" when Str(ev["channel_type"]) == "im" && IsFromPerson(ev, context.BotUserId):
                return turn with { Kind = TurnKind.Message, Text = CleanText(Str(ev["text"]), context.BotUserId), Mentions = MentionsIn(Str(ev["text"]), context.BotUserId) };

            case "member_joined_channel" when user is not null && user == context.BotUserId:
                return turn with { Kind = TurnKind.ConversationStarted };

            case "member_joined_channel" when user is not null:
                return turn with { Kind = TurnKind.MembersAdded, Members = [new BotUser(user, null)] };

            case "team_join" when user is not null:
                // A new member of the workspace; the adapter opens the direct message this turn lives in.
                return turn with { Kind = TurnKind.MembersAdded, Members = [new BotUser(user, Str((ev["user"] as JsonObject)?["real_name"]))] };

            case "app_home_opened" when Str(ev["tab"]) == "messages":
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
    private static bool IsFromPerson(JsonObject ev, string? botUserId) =>
        Str(ev["bot_id"]) is null && Str(ev["subtype"]) is null && Str(ev["user"]) is { } user && user != botUserId;

    private static (string? Verb, JsonObject Data) ReadAction(JsonObject action)
    {
        var actionId = Str(action["action_id"]) ?? string.Empty;
        var separator = actionId.IndexOf(':', StringComparison.Ordinal);
        var verb = separator < 0 ? actionId : actionId[..separator];
        var argument = Str(action["value"]) ?? Str((action["selected_option"] as JsonObject)?["value"]) ?? (separator < 0 ? null : actionId[(separator + 1)..]);
        var data = new JsonObject();
        if (argument is not null)
        {
            data["args"] = argument;
            data["answer"] = argument;
        }

        var block = (Str(action["block_id"]) ?? string.Empty).Split(':', 3);
        if (block.Length == 3)
        {
            data["session"] = block[1];
            data["question"] = block[2];
        }

        return (verb.Length == 0 ? null : verb, data);
    }

    private static JsonObject ReadState(JsonNode? state)
    {
        // state.values: block_id → action_id → { type, value | selected_option }. Flattened to action_id → value.
        var data = new JsonObject();
        if ((state as JsonObject)?["values"] is JsonObject blocks)
        {
            foreach (var (_, actions) in blocks)
            {
                foreach (var (actionId, input) in actions as JsonObject ?? [])
                {
                    var fields = input as JsonObject;
                    data[actionId] = Str(fields?["value"]) ?? Str((fields?["selected_option"] as JsonObject)?["value"]);
                }
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

    private static string? Str(JsonNode? node) => SlackInbound.StringOf(node);
}
