using System.Text.Json;
using System.Text.Json.Serialization;

namespace CultureBot.Slack.Schema;

/// <summary>
/// An event inside an <c>event_callback</c>: who (<c>user</c>) and where (<c>channel</c>), which most events carry.
/// Its <c>type</c> picks the record (<see cref="SlackTypes.Events"/>); any other type reads as this base record.
/// </summary>
public record SlackEvent : SlackRecord
{
    public string? Type { get; init; }

    [JsonConverter(typeof(UserIdOrObject))]
    public SlackUser? User { get; init; }

    public string? Channel { get; init; }

    /// <summary><c>im</c>, <c>mpim</c>, <c>channel</c>, <c>group</c> (messages); <c>C</c> or <c>G</c> (membership events).</summary>
    public string? ChannelType { get; init; }

    public string? EventTs { get; init; }
}

/// <summary><c>message</c>: a message where the app is (CultureBot answers those of direct messages).</summary>
public sealed record SlackMessageEvent : SlackEvent
{
    public const string TypeName = "message";

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }

    /// <summary>Set for edits, deletions, joins and the other kinds of message that are not a person writing.</summary>
    public string? Subtype { get; init; }

    /// <summary>Set when a bot (this one included) wrote the message.</summary>
    public string? BotId { get; init; }
}

/// <summary><c>app_mention</c>: someone @mentioned the app in a conversation.</summary>
public sealed record SlackAppMentionEvent : SlackEvent
{
    public const string TypeName = "app_mention";

    public string? Text { get; init; }

    public string? Ts { get; init; }

    public string? ThreadTs { get; init; }
}

/// <summary><c>app_home_opened</c>: someone opened the app's Home or Messages tab.</summary>
public sealed record SlackAppHomeOpenedEvent : SlackEvent
{
    public const string TypeName = "app_home_opened";

    /// <summary><c>home</c> or <c>messages</c>.</summary>
    public string? Tab { get; init; }

    /// <summary>The Home view last published for this user, if any.</summary>
    public SlackView? View { get; init; }
}

/// <summary><c>member_joined_channel</c>: someone (the app itself, when it is added) joined a channel.</summary>
public sealed record SlackMemberJoinedChannelEvent : SlackEvent
{
    public const string TypeName = "member_joined_channel";

    public string? Team { get; init; }

    public string? Inviter { get; init; }
}

/// <summary><c>member_left_channel</c>: someone left a channel.</summary>
public sealed record SlackMemberLeftChannelEvent : SlackEvent
{
    public const string TypeName = "member_left_channel";

    public string? Team { get; init; }
}

/// <summary><c>team_join</c>: a new member of the workspace; <c>user</c> is a whole user object.</summary>
public sealed record SlackTeamJoinEvent : SlackEvent
{
    public const string TypeName = "team_join";
}

/// <summary><c>app_uninstalled</c>: the workspace removed the app; its token is forgotten.</summary>
public sealed record SlackAppUninstalledEvent : SlackEvent
{
    public const string TypeName = "app_uninstalled";
}

/// <summary><c>tokens_revoked</c>: tokens of the workspace were revoked; its installation is forgotten.</summary>
public sealed record SlackTokensRevokedEvent : SlackEvent
{
    public const string TypeName = "tokens_revoked";

    /// <summary>The revoked tokens' users, by kind (<c>oauth</c>, <c>bot</c>).</summary>
    public Dictionary<string, List<string>>? Tokens { get; init; }
}

/// <summary>Reads an <c>event</c> as the record its <c>type</c> picks, and writes it with all its fields.</summary>
internal sealed class SlackEventConverter : JsonConverter<SlackEvent>
{
    public override SlackEvent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SlackTypes.Events.Read(ref reader, options);

    public override void Write(Utf8JsonWriter writer, SlackEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value, options.GetTypeInfo(value.GetType()));
    }
}
