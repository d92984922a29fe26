using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CultureBot.Slack.Schema;

/// <summary>A user: in interactions, <c>team_join</c> and <c>users.info</c> an object; in most events only its id (see <see cref="UserIdOrObject"/>).</summary>
public sealed record SlackUser : SlackRecord
{
    public string? Id { get; init; }

    /// <summary>The handle (interactions).</summary>
    public string? Name { get; init; }

    public string? Username { get; init; }

    public string? TeamId { get; init; }

    public string? RealName { get; init; }

    /// <summary>The Slack client's language, e.g. <c>fr-FR</c> (<c>users.info</c> with <c>include_locale</c>).</summary>
    public string? Locale { get; init; }

    /// <summary>The IANA time zone, e.g. <c>Europe/Paris</c> (<c>users.info</c>).</summary>
    public string? Tz { get; init; }

    /// <summary>Slack sent only the id, as a string: it is written back as one.</summary>
    [JsonIgnore]
    public bool IdOnly { get; init; }
}

/// <summary>A workspace, as interactions and <c>oauth.v2.access</c> describe it.</summary>
public sealed record SlackTeam : SlackRecord
{
    public string? Id { get; init; }

    public string? Domain { get; init; }

    public string? Name { get; init; }
}

/// <summary>A conversation, as interactions and <c>conversations.open</c> describe it.</summary>
public sealed record SlackChannel : SlackRecord
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}

/// <summary>
/// A <c>user</c> field: Slack sends a user id where it only names someone (messages, mentions, joins, App Home) and a
/// user object where it describes them (interactions, <c>team_join</c>). Either reads as a <see cref="SlackUser"/>.
/// </summary>
internal sealed class UserIdOrObject : JsonConverter<SlackUser>
{
    public override SlackUser? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
            ? new SlackUser { Id = reader.GetString(), IdOnly = true }
            : JsonSerializer.Deserialize(ref reader, UserInfo(options));

    public override void Write(Utf8JsonWriter writer, SlackUser value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.IdOnly)
        {
            writer.WriteStringValue(value.Id);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, UserInfo(options));
        }
    }

    private static JsonTypeInfo<SlackUser> UserInfo(JsonSerializerOptions options) => (JsonTypeInfo<SlackUser>)options.GetTypeInfo(typeof(SlackUser));
}
