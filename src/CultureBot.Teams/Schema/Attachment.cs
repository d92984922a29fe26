using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CultureBot.Teams.Schema;

/// <summary>An attachment: here, mostly an Adaptive Card.</summary>
public sealed class Attachment
{
    [JsonPropertyName("contentType")]
    public string? ContentType { get; set; }

    [JsonPropertyName("contentUrl")]
    public string? ContentUrl { get; set; }

    [JsonPropertyName("content")]
    public JsonNode? Content { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public static Attachment AdaptiveCard(JsonNode card) => new() { ContentType = ContentTypes.AdaptiveCard, Content = card };
}
