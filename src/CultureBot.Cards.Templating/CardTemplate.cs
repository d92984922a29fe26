using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureBot.Cards.Templating;

/// <summary>
/// A JSON template in the Adaptive Card Templating language, parsed once and expanded many times.
/// This first engine covers what the foundation cards need — <c>${path}</c> bindings (a lone binding
/// keeps the value's JSON type), string interpolation, <c>$data</c> (scope and array repetition),
/// <c>$when</c>, <c>$root</c>, <c>$index</c> and <c>\${</c> escaping; the full expression language
/// replaces <see cref="Expression"/> without changing this API.
/// </summary>
public sealed class CardTemplate
{
    private readonly JsonNode _root;

    private CardTemplate(JsonNode root) => _root = root;

    /// <summary>Parses a template; throws <see cref="JsonException"/> with the line for broken JSON.</summary>
    public static CardTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })
            ?? throw new JsonException("A card template cannot be the JSON literal null.");
        return new CardTemplate(root);
    }

    /// <summary>Expands the template against <paramref name="data"/> (bound to <c>$root</c> and the initial <c>$data</c>).</summary>
    public JsonNode? Expand(JsonNode? data)
    {
        var scope = new Scope(data, data, null);
        var expanded = Expander.ExpandNode(_root, scope);
        return expanded.Count switch
        {
            0 => null,
            1 => expanded[0],
            _ => new JsonArray([.. expanded]),
        };
    }
}

/// <summary>What a binding sees: the current <c>$data</c>, the <c>$root</c> and, inside a repetition, <c>$index</c>.</summary>
internal sealed record Scope(JsonNode? Data, JsonNode? Root, int? Index);
