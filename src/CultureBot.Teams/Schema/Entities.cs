using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CultureBot.Teams.Schema;

/// <summary>Entity types CultureBot reads.</summary>
public static class EntityTypes
{
    public const string Mention = "mention";
    public const string ClientInfo = "clientInfo";
}

/// <summary>
/// An entity as it arrives: its type and every other field kept raw. Typed views
/// (<see cref="ClientInfo"/>, <see cref="Mention"/>) are read on demand with <see cref="As{T}"/>,
/// so that an entity type we do not know passes through untouched.
/// </summary>
public sealed class Entity
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>This entity read as <typeparamref name="T"/>; null when its fields do not fit.</summary>
    public T? As<T>(JsonTypeInfo<T> typeInfo)
        where T : class
    {
        var element = JsonSerializer.SerializeToElement(this, TeamsJsonContext.Default.Entity);
        try
        {
            return element.Deserialize(typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The client's locale, country, platform and time zone (Teams sends it with user activities).</summary>
public sealed class ClientInfo
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("locale")]
    public string? Locale { get; set; }

    [JsonPropertyName("country")]
    public string? Country { get; set; }

    [JsonPropertyName("platform")]
    public string? Platform { get; set; }

    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }
}

/// <summary>An @mention in a message: who, and the text of the mention (<c>&lt;at&gt;CultureBot&lt;/at&gt;</c>).</summary>
public sealed class Mention
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("mentioned")]
    public ChannelAccount? Mentioned { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }
}
