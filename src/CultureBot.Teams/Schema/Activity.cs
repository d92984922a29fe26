using System.Text.Json;
using System.Text.Json.Serialization;

namespace CultureBot.Teams.Schema;

/// <summary>
/// A Bot Framework activity, read tolerantly: every field is optional, unknown fields are kept in
/// <see cref="Extra"/> and written back unchanged, unknown types are carried as plain strings.
/// One shape serves every activity type, as in the protocol itself.
/// </summary>
public sealed class Activity
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonPropertyName("localTimestamp")]
    public DateTimeOffset? LocalTimestamp { get; set; }

    /// <summary>The user's IANA time zone, e.g. <c>Europe/Paris</c>.</summary>
    [JsonPropertyName("localTimezone")]
    public string? LocalTimezone { get; set; }

    [JsonPropertyName("serviceUrl")]
    public string? ServiceUrl { get; set; }

    [JsonPropertyName("channelId")]
    public string? ChannelId { get; set; }

    [JsonPropertyName("from")]
    public ChannelAccount? From { get; set; }

    [JsonPropertyName("conversation")]
    public ConversationAccount? Conversation { get; set; }

    [JsonPropertyName("recipient")]
    public ChannelAccount? Recipient { get; set; }

    [JsonPropertyName("textFormat")]
    public string? TextFormat { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    [JsonPropertyName("attachmentLayout")]
    public string? AttachmentLayout { get; set; }

    [JsonPropertyName("attachments")]
    public List<Attachment>? Attachments { get; set; }

    [JsonPropertyName("entities")]
    public List<Entity>? Entities { get; set; }

    [JsonPropertyName("channelData")]
    public TeamsChannelData? ChannelData { get; set; }

    /// <summary><c>add</c> / <c>remove</c> for installationUpdate.</summary>
    [JsonPropertyName("action")]
    public string? Action { get; set; }

    [JsonPropertyName("replyToId")]
    public string? ReplyToId { get; set; }

    /// <summary>Action.Submit data, or an invoke's payload.</summary>
    [JsonPropertyName("value")]
    public JsonElement? Value { get; set; }

    /// <summary>The invoke or event name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("membersAdded")]
    public List<ChannelAccount>? MembersAdded { get; set; }

    [JsonPropertyName("membersRemoved")]
    public List<ChannelAccount>? MembersRemoved { get; set; }

    [JsonPropertyName("reactionsAdded")]
    public List<MessageReaction>? ReactionsAdded { get; set; }

    [JsonPropertyName("reactionsRemoved")]
    public List<MessageReaction>? ReactionsRemoved { get; set; }

    [JsonPropertyName("inputHint")]
    public string? InputHint { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The value of an <c>adaptiveCard/action</c> invoke; null when it is absent or not of that shape.</summary>
    public AdaptiveCardInvokeValue? ReadInvokeValue()
    {
        if (Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        try
        {
            return value.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The client's locale: the activity's own, else the clientInfo entity's.</summary>
    public string? ResolveLocale() => Locale ?? GetEntity(EntityTypes.ClientInfo, TeamsJsonContext.Default.ClientInfo)?.Locale;

    /// <summary>The client's time zone: the activity's <c>localTimezone</c>, else the clientInfo entity's.</summary>
    public string? ResolveTimeZone() => LocalTimezone ?? GetEntity(EntityTypes.ClientInfo, TeamsJsonContext.Default.ClientInfo)?.Timezone;

    /// <summary>The first entity of <paramref name="type"/>, read as <typeparamref name="T"/>.</summary>
    public T? GetEntity<T>(string type, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class =>
        Entities?.FirstOrDefault(e => string.Equals(e.Type, type, StringComparison.OrdinalIgnoreCase))?.As(typeInfo);

    /// <summary>Mention entities, read as <see cref="Mention"/>.</summary>
    public IEnumerable<Mention> GetMentions() =>
        (Entities ?? [])
            .Where(e => string.Equals(e.Type, EntityTypes.Mention, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.As(TeamsJsonContext.Default.Mention))
            .OfType<Mention>();
}
