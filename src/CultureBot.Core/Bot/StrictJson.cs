using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureBot.Core.Bot;

/// <summary>
/// Reads an inbound JSON body strictly at the door, so that nothing later trips over it: duplicate keys (a
/// <see cref="JsonObject"/> throws on first access), strings that are not valid UTF-8 or carry lone surrogates (the
/// reader throws on first read, long after parsing), and nesting deeper than any platform sends (the durable queue
/// wraps a payload in one more level, and the serializer's 64-level limit then bites). The syntax stays lenient
/// (comments, trailing commas), as the platforms' own readers are.
/// </summary>
public static class StrictJson
{
    /// <summary>Slack and Teams payloads nest about a dozen levels (rich text in blocks, cards in attachments): twice that is plenty.</summary>
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new()
    {
        MaxDepth = MaxDepth,
        AllowDuplicateProperties = false,
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>The parsed document, or null with a short reason fit for a 400 answer.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
            CheckText(document.RootElement);
            problem = null;
            return document;
        }
        catch (JsonException e)
        {
            document?.Dispose();
            problem = e.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? $"JSON nested deeper than {MaxDepth} levels"
                : e.Message.Contains("Duplicate", StringComparison.Ordinal) ? "JSON with a duplicate property name"
                : "not valid JSON";
            return null;
        }
        catch (InvalidOperationException)
        {
            document?.Dispose();
            problem = "JSON text that is not valid UTF-8 (or a lone surrogate escape)";
            return null;
        }
    }

    /// <summary>The body as a <see cref="JsonNode"/> (or null with a reason), read as strictly as <see cref="Parse"/>.</summary>
    public static JsonNode? ParseNode(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        using var document = Parse(utf8, out problem);
        return document is null ? null : JsonNode.Parse(utf8.Span, documentOptions: Options);
    }

    /// <summary>Reads every property name and string once: the reader throws here, at the door, on text it cannot decode.</summary>
    private static void CheckText(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    _ = property.Name;
                    CheckText(property.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CheckText(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
