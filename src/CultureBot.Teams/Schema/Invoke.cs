using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CultureBot.Teams.Schema;

/// <summary>The value of an <c>adaptiveCard/action</c> invoke.</summary>
public sealed class AdaptiveCardInvokeValue
{
    [JsonPropertyName("action")]
    public AdaptiveCardInvokeAction? Action { get; set; }

    [JsonPropertyName("trigger")]
    public string? Trigger { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>The clicked <c>Action.Execute</c>: its verb and data (with the card's input values).</summary>
public sealed class AdaptiveCardInvokeAction
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("title")]
    public string? Title { get; set; }

    [JsonPropertyName("verb")]
    public string? Verb { get; set; }

    [JsonPropertyName("data")]
    public JsonNode? Data { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>
/// The HTTP body answering an invoke: a card replaces the clicked one, a message shows as text.
/// </summary>
public sealed class InvokeResponse
{
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("value")]
    public JsonNode? Value { get; set; }

    public static InvokeResponse Card(JsonNode card) => new() { StatusCode = 200, Type = ContentTypes.AdaptiveCard, Value = card };

    public static InvokeResponse Message(string text) => new() { StatusCode = 200, Type = ContentTypes.ActivityMessage, Value = JsonValue.Create(text) };
}

/// <summary>The connector's answer to a send: the new activity's id.</summary>
public sealed class ResourceResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary>Parameters to create a conversation (a proactive one-to-one chat).</summary>
public sealed class ConversationParameters
{
    [JsonPropertyName("isGroup")]
    public bool IsGroup { get; set; }

    [JsonPropertyName("bot")]
    public ChannelAccount? Bot { get; set; }

    [JsonPropertyName("members")]
    public List<ChannelAccount>? Members { get; set; }

    [JsonPropertyName("tenantId")]
    public string? TenantId { get; set; }

    [JsonPropertyName("activity")]
    public Activity? Activity { get; set; }

    [JsonPropertyName("channelData")]
    public TeamsChannelData? ChannelData { get; set; }
}

/// <summary>The connector's answer to a conversation creation.</summary>
public sealed class ConversationResourceResponse
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("activityId")]
    public string? ActivityId { get; set; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; set; }
}

/// <summary>The connector's error body (<c>{"error": {"code": "...", "message": "..."}}</c>).</summary>
public sealed class ErrorResponse
{
    [JsonPropertyName("error")]
    public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
