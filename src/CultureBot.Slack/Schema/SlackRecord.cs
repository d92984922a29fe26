using System.Text.Json;
using System.Text.Json.Serialization;

namespace CultureBot.Slack.Schema;

/// <summary>
/// Every Slack record: the fields CultureBot reads are typed (snake_case on the wire), every other field is kept in
/// <see cref="Extra"/> and written back unchanged, so that a field Slack adds tomorrow is carried, not lost.
/// </summary>
public abstract record SlackRecord
{
    /// <summary>The fields without a property. Settable, not init-only: System.Text.Json fills it after construction.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>
/// What Slack sends the app: an Events API body, a slash command or an interaction, over HTTP or inside a Socket
/// Mode envelope. <see cref="Inbound.SlackInbound.Typed"/> reads one from the stored JSON.
/// </summary>
public abstract record SlackPayload : SlackRecord;
