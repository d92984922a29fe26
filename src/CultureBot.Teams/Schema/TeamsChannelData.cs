using System.Text.Json;
using System.Text.Json.Serialization;

namespace CultureBot.Teams.Schema;

/// <summary>Teams' channelData: the tenant, team and channel of the activity, and the Teams event type.</summary>
public sealed class TeamsChannelData
{
    [JsonPropertyName("tenant")]
    public TeamsIdName? Tenant { get; set; }

    [JsonPropertyName("team")]
    public TeamsIdName? Team { get; set; }

    [JsonPropertyName("channel")]
    public TeamsIdName? Channel { get; set; }

    /// <summary>e.g. <c>teamMemberAdded</c>, <c>channelCreated</c>, <c>teamRenamed</c>.</summary>
    [JsonPropertyName("eventType")]
    public string? EventType { get; set; }

    [JsonPropertyName("settings")]
    public TeamsChannelSettings? Settings { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>An id with an optional display name (tenant, team, channel).</summary>
public sealed class TeamsIdName
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The channel selected when the app was installed in a team.</summary>
public sealed class TeamsChannelSettings
{
    [JsonPropertyName("selectedChannel")]
    public TeamsIdName? SelectedChannel { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
