using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureBot.Slack.Schema;

/// <summary>
/// One family of Slack records told apart by their <c>type</c> field: the type picks the record, and a type not in
/// the map (one Slack adds, or none at all) reads as the family's base record, which keeps its type and fields.
/// System.Text.Json's own polymorphism is not used because it takes the discriminator away from the record and
/// drops unknown ones; here <c>type</c> stays an ordinary field.
/// </summary>
/// <typeparam name="TBase">The family's base record, registered in <see cref="SlackJsonContext"/> like every record in the map.</typeparam>
public sealed class SlackTypeMap<TBase>(IReadOnlyDictionary<string, Type> records)
    where TBase : SlackRecord
{
    /// <summary>The record for each known type.</summary>
    public IReadOnlyDictionary<string, Type> Records { get; } = records;

    /// <summary>The record <paramref name="type"/> reads as.</summary>
    public Type RecordFor(string? type) => type is not null && Records.TryGetValue(type, out var record) ? record : typeof(TBase);

    /// <summary>A JSON object read as the record its <c>type</c> picks.</summary>
    public TBase Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var type = json["type"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return (TBase)SlackJson.Read(json, RecordFor(type));
    }

    /// <summary>The object at <paramref name="reader"/> read as the record its <c>type</c> picks (for a record nested in another).</summary>
    internal TBase? Read(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        (TBase?)JsonSerializer.Deserialize(ref reader, options.GetTypeInfo(RecordFor(TypeOf(reader))));

    /// <summary>The object's <c>type</c>, looked up on a copy of the reader so that the object can still be read whole.</summary>
    private static string? TypeOf(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            reader.Read();
            if (isType)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }
}
