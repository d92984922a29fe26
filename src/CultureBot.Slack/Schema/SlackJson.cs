using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CultureBot.Slack.Schema;

/// <summary>
/// How Slack JSON is read: through the source-generated <see cref="SlackJsonContext"/>, with one rule added to every
/// field. A Slack payload is client data, so a field of the wrong JSON kind (a number where an id goes, a string where an
/// object goes) or an empty string reads as absent, exactly as the payload's readers always treated it, rather than
/// failing the whole payload: reading never throws, and the door (<see cref="Inbound.SlackInbound.Problem"/>) decides
/// what is refused.
/// </summary>
public static class SlackJson
{
    public static JsonSerializerOptions Options { get; } = new(SlackJsonContext.Default.Options)
    {
        TypeInfoResolver = SlackJsonContext.Default.WithAddedModifier(ReadWrongKindsAsAbsent),
    };

    /// <summary>A JSON object read as <typeparamref name="T"/>.</summary>
    public static T Read<T>(JsonObject json)
        where T : SlackRecord =>
        (T)Read(json, typeof(T));

    /// <summary>A JSON object read as the record type <paramref name="record"/> (one registered in <see cref="SlackJsonContext"/>).</summary>
    public static SlackRecord Read(JsonObject json, Type record)
    {
        ArgumentNullException.ThrowIfNull(json);
        return (SlackRecord)json.Deserialize(Options.GetTypeInfo(record))!;
    }

    /// <summary>A record as JSON, with the fields it kept.</summary>
    public static string Write(SlackRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, Options.GetTypeInfo(record.GetType()));
    }

    private static void ReadWrongKindsAsAbsent(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (!property.IsExtensionData && property.PropertyType != typeof(JsonElement))
            {
                property.CustomConverter = (JsonConverter)Activator.CreateInstance(typeof(WrongKindIsAbsent<>).MakeGenericType(property.PropertyType), property.CustomConverter)!;
            }
        }
    }

    /// <summary>Reads a field with its own converter, and as absent when that fails on what the field holds.</summary>
    private sealed class WrongKindIsAbsent<T>(JsonConverter? own) : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            // The whole payload is in one buffer (it is read from a parsed JSON object): a copy of the reader can rewind.
            var start = reader;
            try
            {
                var value = own is JsonConverter<T> converter
                    ? converter.Read(ref reader, typeToConvert, options)
                    : JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
                return value is string { Length: 0 } ? default : value;
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
            {
                reader = start;
                reader.Skip();
                return default;
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            if (own is JsonConverter<T> converter)
            {
                converter.Write(writer, value, options);
            }
            else
            {
                JsonSerializer.Serialize(writer, value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
            }
        }
    }
}
