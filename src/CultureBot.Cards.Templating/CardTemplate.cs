using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Cards.Templating.Expressions;

namespace CultureBot.Cards.Templating;

/// <summary>
/// A JSON template in the Adaptive Card Templating language, behaving as Microsoft's reference engine
/// (<c>adaptivecards-templating</c>) does, quirks included (see <c>docs/templating.md</c>). Parsed and compiled
/// once — every binding's expression included, so syntax errors surface here — then expanded many times.
/// Works on any JSON: Adaptive Cards and Block Kit alike.
/// </summary>
public sealed class CardTemplate
{
    /// <summary>Keys the language uses and removes from the output.</summary>
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "$data", "$when", "$root", "$index", "$host", "$_acTemplateVersion" };

    private readonly TemplateNode _root;

    private CardTemplate(TemplateNode root) => _root = root;

    /// <summary>Parses and compiles a template. Broken JSON throws <see cref="JsonException"/> (with its line); a binding's syntax error throws <see cref="TemplateException"/>.</summary>
    public static CardTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return new CardTemplate(Compile(root));
    }

    /// <summary>Expands against <paramref name="data"/> (<c>$root</c>, the first <c>$data</c>) and an optional <c>$host</c>.</summary>
    /// <exception cref="TemplateException">A binding that is a string's whole content failed, or a null stood in text.</exception>
    public JsonNode? Expand(JsonNode? data, JsonNode? host = null)
    {
        var root = Js.FromNode(data);
        return _root.Value(new Scope(root, root, host is null ? null : Js.FromNode(host), null));
    }

    private static TemplateNode Compile(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var properties = new List<KeyValuePair<string, TemplateNode>>();
                TemplateNode? data = null;
                JsonNode? when = null;
                foreach (var (name, value) in obj)
                {
                    switch (name)
                    {
                        case "$data":
                            data = value is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains("${", StringComparison.Ordinal)
                                ? StringNode.Compile(s)
                                : new LiteralOrRaw(value);
                            break;
                        case "$when":
                            when = value;
                            if (value is JsonValue w && w.TryGetValue<string>(out var condition))
                            {
                                StringNode.Compile(condition); // syntax errors surface at parse time
                            }

                            break;
                        case var reserved when Reserved.Contains(reserved):
                            break;
                        default:
                            properties.Add(new(name, Compile(value)));
                            break;
                    }
                }

                return new ObjectNode(properties, data, when);
            case JsonArray array:
                return new ArrayNode([.. array.Select(Compile)]);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return StringNode.Compile(text);
            default:
                return new LiteralNode(node as JsonValue);
        }
    }
}
