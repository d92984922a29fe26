using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
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

    private CardTemplate(TemplateNode root, IReadOnlyList<BindingReference> references)
    {
        _root = root;
        References = references;
    }

    /// <summary>Every data path the template's bindings read, for checks against sample data.</summary>
    public IReadOnlyList<BindingReference> References { get; }

    /// <summary>Parses and compiles a template. Broken JSON throws <see cref="JsonException"/> (with its line); a binding's syntax error throws <see cref="TemplateException"/>.</summary>
    public static CardTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var references = new List<BindingReference>();
        return new CardTemplate(new Compiler(references).Compile(root, inRepeat: false), references);
    }

    /// <summary>Expands against <paramref name="data"/> (<c>$root</c>, the first <c>$data</c>) and an optional <c>$host</c>.</summary>
    /// <exception cref="TemplateException">A binding that is a string's whole content failed, or a null stood in text.</exception>
    public JsonNode? Expand(JsonNode? data, JsonNode? host = null)
    {
        var buffer = Buffer;
        buffer.ResetWrittenCount();
        ExpandTo(buffer, data, host);
        return JsonNode.Parse(buffer.WrittenSpan);
    }

    /// <summary>Expands straight into UTF-8 JSON: what goes over the wire, with no tree built in between.</summary>
    public void ExpandTo(IBufferWriter<byte> output, JsonNode? data, JsonNode? host = null)
    {
        var writer = Writer;
        writer.Reset(output);
        var root = Js.FromNode(data);
        try
        {
            _root.Write(writer, new Scope(root, root, host is null ? null : Js.FromNode(host), null));
        }
        finally
        {
            writer.Flush();
        }
    }

    /// <summary>Expands to a JSON string.</summary>
    public string ExpandToString(JsonNode? data, JsonNode? host = null)
    {
        var buffer = Buffer;
        buffer.ResetWrittenCount();
        ExpandTo(buffer, data, host);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>A writer and buffer per thread, reused: an expansion allocates for its output, not for its plumbing.</summary>
    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    private static Utf8JsonWriter Writer => t_writer ??= new Utf8JsonWriter(Stream.Null, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });

    private static ArrayBufferWriter<byte> Buffer => t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);

    /// <summary>Compiles a template tree, noting the paths its bindings read.</summary>
    private sealed class Compiler(List<BindingReference> references)
    {
        public TemplateNode Compile(JsonNode? node, bool inRepeat)
        {
            switch (node)
            {
                case JsonObject obj:
                    var properties = new List<KeyValuePair<JsonEncodedText, TemplateNode>>();
                    TemplateNode? data = null;
                    JsonNode? when = null;
                    var repeats = obj.ContainsKey("$data");
                    foreach (var (name, value) in obj)
                    {
                        switch (name)
                        {
                            case "$data":
                                data = value is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains("${", StringComparison.Ordinal)
                                    ? String(s, inRepeat)
                                    : new LiteralOrRaw(value);
                                break;
                            case "$when":
                                when = value;
                                if (value is JsonValue w && w.TryGetValue<string>(out var condition))
                                {
                                    String(condition, inRepeat || repeats); // syntax errors surface at parse time
                                }

                                break;
                            case var reserved when Reserved.Contains(reserved):
                                break;
                            default:
                                properties.Add(new(JsonEncodedText.Encode(name, JavaScriptEncoder.UnsafeRelaxedJsonEscaping), Compile(value, inRepeat || repeats)));
                                break;
                        }
                    }

                    return new ObjectNode(properties, data, obj.ContainsKey("$when") ? WhenRule.From(when) : null);
                case JsonArray array:
                    return new ArrayNode([.. array.Select(item => Compile(item, inRepeat))]);
                case JsonValue value when value.TryGetValue<string>(out var text):
                    return String(text, inRepeat);
                default:
                    return new LiteralNode(node as JsonValue);
            }
        }

        private TemplateNode String(string text, bool inRepeat)
        {
            var node = StringNode.Compile(text);
            if (node is StringNode compiled)
            {
                foreach (var expression in compiled.Expressions)
                {
                    ReferenceCollector.Collect(expression, inRepeat, text, references);
                }
            }

            return node;
        }
    }
}
