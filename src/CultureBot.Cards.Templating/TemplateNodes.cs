using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Cards.Templating.Expressions;

namespace CultureBot.Cards.Templating;

/// <summary>
/// A compiled template node: expressions parsed once, expanded against many scopes straight into a
/// <see cref="Utf8JsonWriter"/>, so that no intermediate tree is built.
/// </summary>
internal abstract class TemplateNode
{
    /// <summary>Writes the node's value where one value stands: a property, or the root.</summary>
    public abstract void Write(Utf8JsonWriter writer, Scope scope);

    /// <summary>Writes the node's items in an array: repeats are spliced in, arrays flattened, nulls dropped.</summary>
    public abstract void WriteItems(Utf8JsonWriter writer, Scope scope);

    /// <summary>Writes an evaluated value; a data node is copied as it is.</summary>
    protected static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null or Undefined:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case double d:
                writer.WriteNumberValue(d);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case List<object?> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"Unexpected value {value.GetType().Name}");
        }
    }

    /// <summary>An evaluated value in an array: a list is spliced, nulls are dropped.</summary>
    protected static void WriteItemValue(Utf8JsonWriter writer, object? value)
    {
        if (Js.IsList(value))
        {
            foreach (var item in Js.Items(value))
            {
                if (item is not (null or Undefined))
                {
                    WriteValue(writer, item);
                }
            }
        }
        else if (value is not (null or Undefined))
        {
            WriteValue(writer, value);
        }
    }
}

/// <summary>A number, boolean or null: copied (numbers pass through doubles, as in JavaScript).</summary>
internal sealed class LiteralNode(JsonValue? literal) : TemplateNode
{
    private readonly object? _value = Js.FromNode(literal);

    public override void Write(Utf8JsonWriter writer, Scope scope) => WriteValue(writer, _value);

    public override void WriteItems(Utf8JsonWriter writer, Scope scope) => WriteItemValue(writer, _value);
}

internal sealed class ArrayNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override void Write(Utf8JsonWriter writer, Scope scope)
    {
        writer.WriteStartArray();
        WriteItems(writer, scope);
        writer.WriteEndArray();
    }

    /// <summary>A literal array inside an array is flattened into it, as the reference engine does.</summary>
    public override void WriteItems(Utf8JsonWriter writer, Scope scope)
    {
        foreach (var item in items)
        {
            item.WriteItems(writer, scope);
        }
    }
}

/// <summary>An object, with its <c>$data</c> (scope or repetition) and <c>$when</c> (condition) applied.</summary>
internal sealed class ObjectNode(IReadOnlyList<KeyValuePair<JsonEncodedText, TemplateNode>> properties, TemplateNode? data, WhenRule? when) : TemplateNode
{
    /// <summary>One repeat stands alone, several become an array, none leaves null.</summary>
    public override void Write(Utf8JsonWriter writer, Scope scope)
    {
        if (data is null)
        {
            if (Holds(scope))
            {
                WriteObject(writer, scope);
            }
            else
            {
                writer.WriteNullValue();
            }

            return;
        }

        var repeats = Repeats(scope);
        switch (repeats.Count)
        {
            case 0:
                writer.WriteNullValue();
                break;
            case 1:
                WriteObject(writer, repeats[0]);
                break;
            default:
                writer.WriteStartArray();
                foreach (var repeat in repeats)
                {
                    WriteObject(writer, repeat);
                }

                writer.WriteEndArray();
                break;
        }
    }

    public override void WriteItems(Utf8JsonWriter writer, Scope scope)
    {
        if (data is null)
        {
            if (Holds(scope))
            {
                WriteObject(writer, scope);
            }

            return;
        }

        foreach (var repeat in Repeats(scope))
        {
            WriteObject(writer, repeat);
        }
    }

    private void WriteObject(Utf8JsonWriter writer, Scope scope)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in properties)
        {
            writer.WritePropertyName(name);
            value.Write(writer, scope);
        }

        writer.WriteEndObject();
    }

    /// <summary>The scopes of the repeats that <c>$when</c> keeps.</summary>
    private List<Scope> Repeats(Scope scope)
    {
        var bound = data is StringNode text ? text.Evaluate(scope) : Js.FromNode(((LiteralOrRaw)data!).Raw);
        var results = new List<Scope>();
        if (Js.IsList(bound))
        {
            var items = Js.Items(bound);
            for (var i = 0; i < items.Count; i++)
            {
                var itemScope = scope with { Data = items[i], Index = i };
                if (Holds(itemScope))
                {
                    results.Add(itemScope);
                }
            }
        }
        else
        {
            var itemScope = scope with { Data = bound, Index = null };
            if (Holds(itemScope))
            {
                results.Add(itemScope);
            }
        }

        return results;
    }

    private bool Holds(Scope scope)
    {
        if (when is null)
        {
            return true;
        }

        if (when.Condition is not { } condition)
        {
            return when.Keep;
        }

        try
        {
            return Evaluator.Evaluate(condition, scope, substitute: false) is true;
        }
        catch (EvaluationException)
        {
            return false;
        }
    }
}

/// <summary>
/// A compiled <c>$when</c>. Only a binding that evaluates to boolean true keeps the object; anything else drops
/// it, including <c>"true"</c> written without <c>${}</c> and JSON true, while JSON false keeps it (the reference
/// engine's rules).
/// </summary>
internal sealed record WhenRule(Expr? Condition, bool Keep)
{
    public static WhenRule From(JsonNode? when) => when switch
    {
        JsonValue literal when literal.TryGetValue<bool>(out var flag) => new WhenRule(null, Keep: !flag),
        JsonValue text when text.TryGetValue<string>(out var source) && StringNode.SingleExpression(source) is { } expression => new WhenRule(expression, Keep: false),
        _ => new WhenRule(null, Keep: false),
    };
}

/// <summary>A <c>$data</c> given as literal JSON (an object, an array, a plain string): used as it is.</summary>
internal sealed class LiteralOrRaw(JsonNode? raw) : TemplateNode
{
    public JsonNode? Raw { get; } = raw;

    public override void Write(Utf8JsonWriter writer, Scope scope) => WriteValue(writer, Js.FromNode(Raw));

    public override void WriteItems(Utf8JsonWriter writer, Scope scope) => WriteItemValue(writer, Js.FromNode(Raw));
}

/// <summary>A string: plain text, one binding that keeps its value's type, or text with bindings.</summary>
internal sealed class StringNode : TemplateNode
{
    private readonly string _text;
    private readonly Expr? _whole;
    private readonly IReadOnlyList<object>? _parts;

    private StringNode(string text, Expr? whole, IReadOnlyList<object>? parts)
    {
        _text = text;
        _whole = whole;
        _parts = parts;
    }

    public static TemplateNode Compile(string text)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return new StringNode(text, null, null);
        }

        if (text.Contains('`', StringComparison.Ordinal))
        {
            // The reference engine parses the string as a JavaScript-like template literal: a backtick breaks it.
            throw Lexer.Syntax(text.IndexOf('`', StringComparison.Ordinal));
        }

        var parts = Split(text);
        if (parts is null)
        {
            return new StringNode(text, null, null);
        }

        var compiled = parts.Select(p => p is string literal ? (object)literal : Parser.Parse(((Binding)p).Source)).ToList();
        return compiled is [Expr single] && parts[0] is Binding { IsWhole: true }
            ? new StringNode(text, single, null)
            : new StringNode(text, null, compiled);
    }

    /// <summary>The expression of a string that is exactly one <c>${…}</c>, or null.</summary>
    public static Expr? SingleExpression(string text)
    {
        if (text.Contains('`', StringComparison.Ordinal) || Split(text) is not [Binding { IsWhole: true } binding])
        {
            return null;
        }

        return Parser.Parse(binding.Source);
    }

    /// <summary>The string's parsed bindings.</summary>
    public IEnumerable<Expr> Expressions => _whole is not null ? [_whole] : _parts?.OfType<Expr>() ?? [];

    /// <summary>The raw value (for <c>$data</c>): a data node stays the data's own, uncopied.</summary>
    public object? Evaluate(Scope scope)
    {
        if (_whole is not null)
        {
            try
            {
                return Evaluator.Evaluate(_whole, scope, substitute: true);
            }
            catch (EvaluationException e)
            {
                throw new TemplateException(e.Message, e);
            }
        }

        if (_parts is null)
        {
            return _text;
        }

        var builder = new StringBuilder(_text.Length + 16);
        foreach (var part in _parts)
        {
            if (part is string literal)
            {
                builder.Append(literal);
                continue;
            }

            var expression = (Expr)part;
            try
            {
                builder.Append(Js.ToText(Evaluator.Evaluate(expression, scope, substitute: true)));
            }
            catch (EvaluationException)
            {
                // Inside text only the failing binding is lost, shown as its normalized source.
                builder.Append("${").Append(expression).Append('}');
            }
        }

        return builder.ToString();
    }

    public override void Write(Utf8JsonWriter writer, Scope scope) => WriteValue(writer, Evaluate(scope));

    public override void WriteItems(Utf8JsonWriter writer, Scope scope) => WriteItemValue(writer, Evaluate(scope));

    private sealed record Binding(string Source, bool IsWhole);

    /// <summary>
    /// Text and <c>${…}</c> bindings; <c>\${</c> is a literal <c>${</c>. Null when a binding is unclosed or spans
    /// lines: the reference engine then leaves the whole string as it is.
    /// </summary>
    private static List<object>? Split(string text)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && string.CompareOrdinal(text, i + 1, "${", 0, 2) == 0)
            {
                literal.Append("${");
                i += 3;
                continue;
            }

            if (string.CompareOrdinal(text, i, "${", 0, 2) != 0)
            {
                literal.Append(text[i++]);
                continue;
            }

            var end = ClosingBrace(text, i + 2);
            if (end < 0)
            {
                return null;
            }

            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(new Binding(text[(i + 2)..end], IsWhole: i == 0 && end == text.Length - 1));
            i = end + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return parts;
    }

    /// <summary>The <c>}</c> closing a binding, skipping quoted strings; -1 at a line break outside quotes, or at the end.</summary>
    private static int ClosingBrace(string text, int start)
    {
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is null && c is '\n' or '\r')
            {
                return -1;
            }

            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        return -1;
    }
}
