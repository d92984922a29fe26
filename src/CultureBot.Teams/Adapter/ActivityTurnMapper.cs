using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Teams.Schema;

namespace CultureBot.Teams.Adapter;

/// <summary>Reads an inbound activity as a platform-neutral <see cref="Turn"/>.</summary>
public static partial class ActivityTurnMapper
{
    /// <summary>The activity's conversation as a storable reference (for proactive messages later).</summary>
    public static ConversationReference ToReference(Activity activity, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var tenant = ActivityTenant.Of(activity) ?? string.Empty;
        return new ConversationReference(
            new ConversationKey(Platforms.Teams, tenant, activity.Conversation?.Id ?? string.Empty),
            KindOf(activity.Conversation),
            activity.ServiceUrl,
            activity.Recipient?.Id,
            activity.From?.Id,
            activity.ResolveLocale(),
            activity.ResolveTimeZone(),
            now);
    }

    public static Turn ToTurn(Activity activity, ConversationReference reference)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var culture = Locales.Resolve(activity.ResolveLocale());
        var from = activity.From?.Id is { } id ? new BotUser(id, activity.From.Name) : null;
        var turn = new Turn
        {
            Kind = TurnKind.Other,
            Conversation = reference,
            Culture = culture,
            From = from,
            InboundId = activity.Id,
            RawType = activity.Type,
        };

        switch (activity.Type)
        {
            case ActivityTypes.Message when SubmitVerb(activity.Value) is { } submit:
                return With(turn, TurnKind.Action, verb: submit.Verb, data: submit.Data);

            case ActivityTypes.Message:
                return With(turn, TurnKind.Message, text: StripMentions(activity)) with
                {
                    Mentions = [.. activity.GetMentions()
                        .Where(m => m.Mentioned?.Id is { } id && id != activity.Recipient?.Id)
                        .Select(m => new BotUser(m.Mentioned!.Id!, m.Mentioned.Name))
                        .DistinctBy(u => u.Id)],
                };

            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                var invoke = activity.ReadInvokeValue();
                return With(turn, TurnKind.Action, verb: invoke?.Action?.Verb, data: invoke?.Action?.Data as JsonObject ?? []);

            case ActivityTypes.Event when activity.Name == EventNames.ReadReceipt:
                return turn with
                {
                    Kind = TurnKind.Event,
                    EventName = BotEvents.MessageRead,
                    EventValue = new JsonObject { ["messageId"] = LastReadMessageId(activity.Value) },
                };

            case ActivityTypes.Event:
                return turn with
                {
                    Kind = TurnKind.Event,
                    EventName = activity.Name,
                    EventValue = activity.Value is { ValueKind: JsonValueKind.Object } value ? JsonNode.Parse(value.GetRawText()) as JsonObject : null,
                };

            case ActivityTypes.InstallationUpdate:
                return activity.Action is { } action && action.StartsWith("add", StringComparison.OrdinalIgnoreCase)
                    ? With(turn, TurnKind.ConversationStarted)
                    : With(turn, TurnKind.MembersRemoved);

            case ActivityTypes.ConversationUpdate when activity.MembersAdded is { Count: > 0 } added:
                // When the bot is among the added members, the others are the conversation's existing members, not newcomers.
                return added.Any(m => IsBot(m, activity))
                    ? With(turn, TurnKind.ConversationStarted)
                    : With(turn, TurnKind.MembersAdded, members: Users(added, activity));

            case ActivityTypes.ConversationUpdate when activity.MembersRemoved is { Count: > 0 } removed:
                return With(turn, TurnKind.MembersRemoved, members: Users(removed, activity));

            default:
                return turn;
        }
    }

    private static Turn With(Turn turn, TurnKind kind, string? text = null, string? verb = null, JsonObject? data = null, IReadOnlyList<BotUser>? members = null) =>
        new()
        {
            Kind = kind,
            Conversation = turn.Conversation,
            Culture = turn.Culture,
            From = turn.From,
            InboundId = turn.InboundId,
            RawType = turn.RawType,
            Text = text,
            ActionVerb = verb,
            ActionData = data,
            Members = members ?? [],
        };

    /// <summary>An Action.Submit arrives as a message whose value carries the button's data; ours name a <c>verb</c>.</summary>
    private static (string Verb, JsonObject Data)? SubmitVerb(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } element
            || !element.TryGetProperty("verb", out var verb)
            || verb.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(verb.GetString()))
        {
            return null;
        }

        return (verb.GetString()!, JsonNode.Parse(element.GetRawText()) as JsonObject ?? []);
    }

    private static string? LastReadMessageId(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } element && element.TryGetProperty("lastReadMessageId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()
            : null;

    private static ConversationKind KindOf(ConversationAccount? conversation) => conversation?.ConversationType switch
    {
        "channel" => ConversationKind.Channel,
        "groupChat" => ConversationKind.GroupChat,
        "personal" => ConversationKind.Personal,
        _ => conversation?.IsGroup == true ? ConversationKind.GroupChat : ConversationKind.Personal,
    };

    private static bool IsBot(ChannelAccount member, Activity activity) =>
        member.Id is not null && string.Equals(member.Id, activity.Recipient?.Id, StringComparison.Ordinal);

    private static List<BotUser> Users(IEnumerable<ChannelAccount> members, Activity activity) =>
        [.. members.Where(m => m.Id is not null && !IsBot(m, activity)).Select(m => new BotUser(m.Id!, m.Name))];

    /// <summary>Removes the bot's @mention (<c>&lt;at&gt;CultureBot&lt;/at&gt; help</c> → <c>help</c>) so commands match in channels.</summary>
    internal static string StripMentions(Activity activity)
    {
        var text = activity.Text ?? string.Empty;
        foreach (var mention in activity.GetMentions())
        {
            if (mention.Mentioned?.Id == activity.Recipient?.Id && !string.IsNullOrEmpty(mention.Text))
            {
                text = text.Replace(mention.Text, string.Empty, StringComparison.Ordinal);
            }
        }

        // Without a mention entity, a leading <at>…</at> still addresses the bot; other mentions stay (they may be arguments).
        text = LeadingAtTag().Replace(text, string.Empty);
        return System.Net.WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"^\s*<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LeadingAtTag();
}
