using System.Text.Json.Serialization;

namespace CultureBot.Teams.Schema;

/// <summary>
/// Source-generated serialization for the wire types: no reflection at run time, and nulls are not
/// written, as the Bot Framework services expect.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    AllowTrailingCommas = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(Entity))]
[JsonSerializable(typeof(ClientInfo))]
[JsonSerializable(typeof(Mention))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(InvokeResponse))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(ErrorResponse))]
public sealed partial class TeamsJsonContext : JsonSerializerContext;
