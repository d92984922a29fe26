using System.Text.Json.Serialization;

namespace CultureBot.Slack.Schema;

/// <summary>
/// Source-generated serialization for the Slack records: no reflection at run time, snake_case names as Slack writes
/// them, and absent fields not written. Read through <see cref="SlackJson.Options"/>, which adds the tolerance client
/// data needs.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackEventsApiBody))]
[JsonSerializable(typeof(SlackUrlVerification))]
[JsonSerializable(typeof(SlackEventCallback))]
[JsonSerializable(typeof(SlackAppRateLimited))]
[JsonSerializable(typeof(SlackEvent))]
[JsonSerializable(typeof(SlackMessageEvent))]
[JsonSerializable(typeof(SlackAppMentionEvent))]
[JsonSerializable(typeof(SlackAppHomeOpenedEvent))]
[JsonSerializable(typeof(SlackMemberJoinedChannelEvent))]
[JsonSerializable(typeof(SlackMemberLeftChannelEvent))]
[JsonSerializable(typeof(SlackTeamJoinEvent))]
[JsonSerializable(typeof(SlackAppUninstalledEvent))]
[JsonSerializable(typeof(SlackTokensRevokedEvent))]
[JsonSerializable(typeof(SlackSlashCommand))]
[JsonSerializable(typeof(SlackInteraction))]
[JsonSerializable(typeof(SlackBlockActions))]
[JsonSerializable(typeof(SlackViewSubmission))]
[JsonSerializable(typeof(SlackSocketMessage))]
[JsonSerializable(typeof(SlackSocketHello))]
[JsonSerializable(typeof(SlackSocketDisconnect))]
[JsonSerializable(typeof(SlackSocketEnvelope))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(SlackPostMessageResponse))]
[JsonSerializable(typeof(SlackConversationOpenResponse))]
[JsonSerializable(typeof(SlackUserInfoResponse))]
[JsonSerializable(typeof(SlackAuthTestResponse))]
[JsonSerializable(typeof(SlackConnectionOpenResponse))]
[JsonSerializable(typeof(SlackOAuthAccessResponse))]
public sealed partial class SlackJsonContext : JsonSerializerContext;
