using System.Text.Json.Nodes;

namespace CultureBot.Slack.Schema;

/// <summary>
/// A message Slack sends over a Socket Mode WebSocket. Its <c>type</c> picks the record (<see cref="SlackTypes.SocketMode"/>);
/// any other type reads as this base record.
/// </summary>
public record SlackSocketMessage : SlackRecord
{
    public string? Type { get; init; }
}

/// <summary><c>hello</c>: the connection is ready.</summary>
public sealed record SlackSocketHello : SlackSocketMessage
{
    public const string TypeName = "hello";

    public int? NumConnections { get; init; }
}

/// <summary><c>disconnect</c>: Slack asks for a new connection (<c>refresh_requested</c>, <c>warning</c>, <c>link_disabled</c>).</summary>
public sealed record SlackSocketDisconnect : SlackSocketMessage
{
    public const string TypeName = "disconnect";

    public string? Reason { get; init; }
}

/// <summary>
/// <c>events_api</c>, <c>slash_commands</c> or <c>interactive</c>: a payload to acknowledge by its envelope id. The payload is
/// kept as JSON, as it would arrive over HTTP: it is what the inbound queue stores.
/// </summary>
public sealed record SlackSocketEnvelope : SlackSocketMessage
{
    public const string EventsApi = "events_api";
    public const string SlashCommands = "slash_commands";
    public const string Interactive = "interactive";

    public string? EnvelopeId { get; init; }

    public JsonObject? Payload { get; init; }

    public bool? AcceptsResponsePayload { get; init; }

    /// <summary>How many times Slack sent it before (unacknowledged envelopes come again).</summary>
    public int? RetryAttempt { get; init; }
}
