using System.Text.Json.Nodes;
using CultureBot.Slack.Schema;

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

/// <summary>
/// One verified inbound payload, as queued for the worker. The payload is kept as Slack sent it (that JSON is what the
/// queue stores, in the same form as ever); <see cref="Typed"/> reads it through the schema, once, on first use.
/// </summary>
public sealed record SlackInbound(SlackInboundKind Kind, JsonObject Payload)
{
    private readonly SlackInboundKind _kind = Kind;
    private readonly JsonObject _payload = Payload;
    private SlackPayload? _typed;

    public SlackInboundKind Kind
    {
        get => _kind;
        init => (_kind, _typed) = (value, null);
    }

    /// <summary>The payload as Slack sent it. Change it before reading <see cref="Typed"/>, not after: the typed view is read once.</summary>
    public JsonObject Payload
    {
        get => _payload;
        init => (_payload, _typed) = (value, null);
    }

    /// <summary>When the bot stored it: the moment that counts (a quiz answer clicked before the bell), however long it waited in the queue.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>
    /// The payload read through the schema: a <see cref="SlackSlashCommand"/>, a <see cref="SlackInteraction"/> or a
    /// <see cref="SlackEventsApiBody"/>, each as the record its <c>type</c> picks. Never throws, whatever the payload holds.
    /// </summary>
    public SlackPayload Typed => _typed ??= Kind switch
    {
        SlackInboundKind.Command => SlackJson.Read<SlackSlashCommand>(Payload),
        SlackInboundKind.Interaction => SlackTypes.Interactions.Read(Payload),
        _ => SlackTypes.EventsApi.Read(Payload),
    };

    /// <summary>Fields the mapping reads as objects, whichever kind of payload carries them.</summary>
    private static readonly string[] ObjectFields = ["user", "team", "channel", "container", "view", "state", "event", "message"];

    /// <summary>
    /// Null when the payload has the shape Slack sends; otherwise what is wrong. A <c>user</c> that is a string or an
    /// <c>actions[0]</c> that is not an object is malformed: refused at the door, never queued for the worker. Checked on
    /// the JSON itself, because the typed view reads a field of the wrong kind as absent and so cannot tell.
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

    /// <summary>The workspace: a command's <c>team_id</c>; an interaction's team, else its user's or its view's; an event body's <c>team_id</c>.</summary>
    public string? TeamId => Typed switch
    {
        SlackSlashCommand command => command.TeamId,
        SlackInteraction interaction => interaction.Team?.Id ?? interaction.User?.TeamId ?? interaction.View?.TeamId,
        SlackEventsApiBody body => body.TeamId,
        _ => null,
    };

    /// <summary>
    /// The person the payload is from: who typed the command, who clicked, whom the event is about. A <c>user</c> may be
    /// an id or an object, wherever it is.
    /// </summary>
    public string? UserId => Typed switch
    {
        SlackSlashCommand command => command.UserId,
        SlackInteraction interaction => interaction.User?.Id,
        SlackEventCallback callback => callback.Event?.User?.Id,
        _ => null,
    };

    /// <summary>
    /// The id that makes a retry recognisable: the event id; for an interaction, the action's timestamp and
    /// the user; for a command, its trigger id (Socket Mode redelivers what was not acknowledged).
    /// </summary>
    public string? DedupeKey => Typed switch
    {
        SlackEventCallback callback => callback.EventId,
        SlackEventsApiBody => null,
        SlackBlockActions { Actions: [{ ActionTs: { } ts }, ..] } click => $"action:{click.User?.Id}:{ts}",
        SlackInteraction interaction => interaction.TriggerId is { } trigger ? $"trigger:{trigger}" : null,
        SlackSlashCommand command => command.TriggerId is { } trigger ? $"trigger:{trigger}" : null,
        _ => null,
    };

    /// <summary>Equal when of the same kind, the same payload object, received at the same time (the typed view follows from those).</summary>
    public bool Equals(SlackInbound? other) =>
        other is not null && Kind == other.Kind && ReferenceEquals(Payload, other.Payload) && ReceivedAt == other.ReceivedAt;

    public override int GetHashCode() => HashCode.Combine(Kind, Payload, ReceivedAt);

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
    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;
}
