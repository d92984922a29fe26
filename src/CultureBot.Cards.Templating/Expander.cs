using System.Text;
using System.Text.Json.Nodes;

namespace CultureBot.Cards.Templating;

/// <summary>Walks the template tree, applying <c>$data</c>, <c>$when</c> and string bindings.</summary>
internal static class Expander
{
    /// <summary>One template node may expand to zero (dropped by <c>$when</c>), one, or many (repeated by <c>$data</c>) nodes.</summary>
    public static List<JsonNode?> ExpandNode(JsonNode? node, Scope scope)
    {
        switch (node)
        {
            case JsonObject obj:
                return ExpandObject(obj, scope);
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    foreach (var expanded in ExpandNode(item, scope))
                    {
                        if (expanded is not null)
                        {
                            items.Add(expanded);
                        }
                    }
                }

                return [items];
            case JsonValue value when value.TryGetValue<string>(out var text):
                return [ExpandString(text, scope)];
            default:
                return [node?.DeepClone()];
        }
    }

    private static List<JsonNode?> ExpandObject(JsonObject obj, Scope scope)
    {
        var scopes = new List<Scope> { scope };
        if (obj.TryGetPropertyValue("$data", out var dataSpec))
        {
            var bound = dataSpec is JsonValue v && v.TryGetValue<string>(out var s) && s.Contains("${", StringComparison.Ordinal)
                ? ExpandString(s, scope)
                : dataSpec?.DeepClone();
            scopes = bound is JsonArray array
                ? [.. array.Select((item, i) => new Scope(item, scope.Root, i))]
                : [new Scope(bound, scope.Root, scope.Index)];
        }

        var results = new List<JsonNode?>();
        foreach (var itemScope in scopes)
        {
            if (obj.TryGetPropertyValue("$when", out var when) && !IsTrue(when, itemScope))
            {
                continue;
            }

            var result = new JsonObject();
            foreach (var (name, value) in obj)
            {
                if (name is "$data" or "$when")
                {
                    continue;
                }

                var expanded = ExpandNode(value, itemScope);
                result[name] = expanded.Count switch
                {
                    0 => null,
                    1 => expanded[0],
                    _ => new JsonArray([.. expanded]),
                };
            }

            results.Add(result);
        }

        return results;
    }

    private static bool IsTrue(JsonNode? when, Scope scope)
    {
        if (when is not JsonValue value || !value.TryGetValue<string>(out var text))
        {
            // The reference engine keeps an object whose $when is the JSON literal false and drops one that is true.
            return when is JsonValue v && v.TryGetValue<bool>(out var b) && !b;
        }

        var trimmed = text.Trim();
        if (!trimmed.StartsWith("${", StringComparison.Ordinal) || !trimmed.EndsWith('}'))
        {
            return false;
        }

        var result = Expression.Evaluate(trimmed[2..^1], scope, substituteMissing: false);
        return result.Value is JsonValue r && r.TryGetValue<bool>(out var truth) && truth;
    }

    /// <summary>A string with one lone <c>${expr}</c> keeps the value's type; otherwise bindings are interpolated as text.</summary>
    private static JsonNode? ExpandString(string text, Scope scope)
    {
        if (!text.Contains("${", StringComparison.Ordinal))
        {
            return JsonValue.Create(text);
        }

        var trimmed = text;
        if (trimmed.StartsWith("${", StringComparison.Ordinal) && trimmed.EndsWith('}') && trimmed.IndexOf("${", 2, StringComparison.Ordinal) < 0 && trimmed.IndexOf('}', 2) == trimmed.Length - 1)
        {
            var whole = Expression.Evaluate(trimmed[2..^1], scope, substituteMissing: true);
            return whole.Value?.DeepClone();
        }

        var builder = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '\\' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                builder.Append("${");
                i += 3;
                continue;
            }

            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    builder.Append(text, i, text.Length - i);
                    break;
                }

                var result = Expression.Evaluate(text[(i + 2)..end], scope, substituteMissing: true);
                builder.Append(Expression.ToText(result.Value));
                i = end + 1;
                continue;
            }

            builder.Append(text[i]);
            i++;
        }

        return JsonValue.Create(builder.ToString());
    }
}
