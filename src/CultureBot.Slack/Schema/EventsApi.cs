using System.Text.Json.Serialization;

namespace CultureBot.Slack.Schema;

/// <summary>
/// What Slack posts to the Events API request URL (and carries in a Socket Mode <c>events_api</c> envelope). Its
/// <c>type</c> picks the record (<see cref="SlackTypes.EventsApi"/>); any other type reads as this base record.
/// </summary>
public record SlackEventsApiBody : SlackPayload
{
    public string? Type { get; init; }

    /// <summary>The legacy verification token; requests are checked by signature, never by this.</summary>
    public string? Token { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }
}

/// <summary><c>url_verification</c>: Slack checks the request URL, and the app answers with the challenge.</summary>
public sealed record SlackUrlVerification : SlackEventsApiBody
{
    public const string TypeName = "url_verification";

    public string? Challenge { get; init; }
}

/// <summary><c>event_callback</c>: one event of a workspace, with the id that makes a retry recognisable.</summary>
public sealed record SlackEventCallback : SlackEventsApiBody
{
    public const string TypeName = "event_callback";

    /// <summary>The event, read as the record its own <c>type</c> picks (<see cref="SlackTypes.Events"/>).</summary>
    [JsonConverter(typeof(SlackEventConverter))]
    public SlackEvent? Event { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }
}

/// <summary><c>app_rate_limited</c>: Slack held back a minute of events; nothing to do but acknowledge.</summary>
public sealed record SlackAppRateLimited : SlackEventsApiBody
{
    public const string TypeName = "app_rate_limited";

    public long? MinuteRateLimited { get; init; }
}
