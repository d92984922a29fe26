using System.Text.Json.Serialization;

namespace CultureBot.Cards;

[JsonSourceGenerationOptions(ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CardsJsonContext : JsonSerializerContext;
