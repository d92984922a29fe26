using System.Text.Json.Nodes;

namespace CultureBot.Slack.Inbound;

/// <summary>The three ways Slack calls an app, over HTTP or inside a Socket Mode envelope.</summary>
public enum SlackInboundKind
{
    /// <summary>Events API: an <c>event_callback</c>.</summary>
    Event,

    /// <summary>A slash command.</summary>
    Command,

    /// <summary>Interactivity: <c>block_actions</c>, <c>view_submission</c>.</summary>
    Interaction,
}

/// <summary>One verified inbound payload, as queued for the worker.</summary>
public sealed record SlackInbound(SlackInboundKind Kind, JsonObject Payload)
{
    /// <summary>When the bot stored it: the moment that counts (a quiz answer clicked before the bell), however long it waited in the queue.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Fields the mapping reads as objects, whichever kind of payload carries them.</summary>
    private static readonly string[] ObjectFields = ["user", "team", "channel", "container", "view", "state", "event", "message"];

    /// <summary>
    /// Null when the payload has the shape the worker reads; otherwise what is wrong. A <c>user</c> that is a string or
    /// an <c>actions[0]</c> that is not an object is malformed: refused at the door, never queued for the worker.
    /// </summary>
    public string? Problem()
    {
        foreach (var name in ObjectFields)
        {
            if (Payload[name] is { } field && field is not JsonObject)
            {
                return $"'{name}' must be an object.";
            }
        }

        if (Payload["actions"] is { } actions && (actions is not JsonArray list || list.Any(a => a is not JsonObject)))
        {
            return "'actions' must be a list of objects.";
        }

        if (Payload["response_url"] is { } responseUrl && !(Uri.TryCreate(StringOf(responseUrl), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            return "'response_url' must be an absolute https URL.";
        }

        if (Payload["event"]?["user"] is { } user && user is not JsonObject && StringOf(user) is null)
        {
            return "'event.user' must be a user id or an object.";
        }

        return null;
    }

    public string? TeamId =>
        StringOf(Payload["team_id"]) ?? StringOf(Payload["team"]?["id"]) ?? StringOf(Payload["user"]?["team_id"]) ?? StringOf(Payload["view"]?["team_id"]);

    /// <summary>
    /// The id that makes a retry recognisable: the event id; for an interaction, the action's timestamp and
    /// the user; for a command, its trigger id (Socket Mode redelivers what was not acknowledged).
    /// </summary>
    public string? DedupeKey => Kind switch
    {
        SlackInboundKind.Event => StringOf(Payload["event_id"]),
        SlackInboundKind.Interaction when Payload["actions"] is JsonArray { Count: > 0 } actions && StringOf(actions[0]?["action_ts"]) is { } ts =>
            $"action:{StringOf(Payload["user"]?["id"])}:{ts}",
        _ => StringOf(Payload["trigger_id"]) is { } trigger ? $"trigger:{trigger}" : null,
    };

    public string Serialize() => new JsonObject
    {
        ["kind"] = Kind.ToString(),
        ["received"] = ReceivedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["payload"] = Payload.DeepClone(),
    }.ToJsonString();

    public static SlackInbound Deserialize(string json)
    {
        var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("A queued Slack item is not a JSON object.");
        return new SlackInbound(
            Enum.Parse<SlackInboundKind>(StringOf(root["kind"]) ?? throw new FormatException("A queued Slack item has no kind.")),
            root["payload"]?.AsObject() ?? throw new FormatException("A queued Slack item has no payload."))
        {
            ReceivedAt = StringOf(root["received"]) is { } received
                ? DateTimeOffset.Parse(received, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind)
                : null,
        };
    }

    /// <summary>A JSON string value, or null when absent, empty or not a string (Slack payloads are client data).</summary>
    public static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
