using System.Text.Json;
using System.Text.Json.Serialization;

namespace CultureBot.Teams.Schema;

/// <summary>A user or bot on a channel.</summary>
public sealed class ChannelAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("aadObjectId")]
    public string? AadObjectId { get; set; }

    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A conversation: personal chat, group chat or channel thread.</summary>
public sealed class ConversationAccount
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary><c>personal</c>, <c>groupChat</c> or <c>channel</c>.</summary>
    [JsonPropertyName("conversationType")]
    public string? ConversationType { get; set; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    [JsonPropertyName("isGroup")]
    public bool? IsGroup { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A reaction on a message (like, heart...).</summary>
public sealed class MessageReaction
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
