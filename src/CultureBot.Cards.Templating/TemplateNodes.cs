using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Cards.Templating.Expressions;

namespace CultureBot.Cards.Templating;

/// <summary>A compiled template node: expressions parsed once, expanded against many scopes.</summary>
internal abstract class TemplateNode
{
    /// <summary>The node's value where one value stands: a property, or the root.</summary>
    public abstract JsonNode? Value(Scope scope);

    /// <summary>The node's contribution to an array: repeats are spliced in, arrays flattened one level, nulls dropped.</summary>
    public virtual void AppendTo(JsonArray output, Scope scope) => Splice(output, Value(scope));

    protected static void Splice(JsonArray output, JsonNode? value)
    {
        if (value is JsonArray array)
        {
            var items = array.ToList();
            array.Clear();
            foreach (var item in items.Where(i => i is not null))
            {
                output.Add(item);
            }
        }
        else if (value is not null)
        {
            output.Add(value);
        }
    }
}

/// <summary>A number, boolean or null: copied (numbers pass through doubles, as in JavaScript).</summary>
internal sealed class LiteralNode(JsonValue? literal) : TemplateNode
{
    private readonly object? _value = Js.FromNode(literal);

    public override JsonNode? Value(Scope scope) => Js.ToNode(_value);
}

internal sealed class ArrayNode(IReadOnlyList<TemplateNode> items) : TemplateNode
{
    public override JsonNode? Value(Scope scope)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            item.AppendTo(array, scope);
        }

        return array;
    }
}

/// <summary>An object, with its <c>$data</c> (scope or repetition) and <c>$when</c> (condition) applied.</summary>
internal sealed class ObjectNode(IReadOnlyList<KeyValuePair<string, TemplateNode>> properties, TemplateNode? data, JsonNode? when) : TemplateNode
{
    public override JsonNode? Value(Scope scope)
    {
        var repeats = Repeats(scope);
        return repeats.Count switch
        {
            0 => null,
            1 => repeats[0],
            _ => new JsonArray([.. repeats]),
        };
    }

    public override void AppendTo(JsonArray output, Scope scope)
    {
        foreach (var repeat in Repeats(scope))
        {
            output.Add(repeat);
        }
    }

    private List<JsonObject> Repeats(Scope scope)
    {
        var results = new List<JsonObject>(1);
        if (data is null)
        {
            Add(results, scope);
            return results;
        }

        var bound = data is StringNode text ? text.Evaluate(scope) : Js.FromNode(((LiteralOrRaw)data).Raw);
        if (Js.IsList(bound))
        {
            var items = Js.Items(bound);
            for (var i = 0; i < items.Count; i++)
            {
                Add(results, scope with { Data = items[i], Index = i });
            }
        }
        else
        {
            Add(results, scope with { Data = bound, Index = null });
        }

        return results;
    }

    private void Add(List<JsonObject> results, Scope scope)
    {
        if (when is not null && !WhenHolds(scope))
        {
            return;
        }

        var result = new JsonObject();
        foreach (var (name, value) in properties)
        {
            result[name] = value.Value(scope);
        }

        results.Add(result);
    }

    /// <summary>
    /// Only a binding that evaluates to boolean true keeps the object; anything else drops it, including
    /// <c>"true"</c> written without <c>${}</c> and JSON true. JSON false keeps it. (The reference engine's rules.)
    /// </summary>
    private bool WhenHolds(Scope scope)
    {
        if (when is JsonValue literal && literal.TryGetValue<bool>(out var flag))
        {
            return !flag;
        }

        if (when is JsonValue text && text.TryGetValue<string>(out var source) && StringNode.SingleExpression(source) is { } expression)
        {
            try
            {
                return Evaluator.Evaluate(expression, scope, substitute: false) is true;
            }
            catch (EvaluationException)
            {
                return false;
            }
        }

        return false;
    }
}

/// <summary>A <c>$data</c> given as literal JSON (an object, an array, a plain string): used as it is.</summary>
internal sealed class LiteralOrRaw(JsonNode? raw) : TemplateNode
{
    public JsonNode? Raw { get; } = raw;

    public override JsonNode? Value(Scope scope) => Raw?.DeepClone();
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

    public override JsonNode? Value(Scope scope) => Js.ToNode(Evaluate(scope));

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
