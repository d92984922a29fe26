using System.Globalization;

using System.Text.Json.Nodes;

namespace CultureBot.Cards.Templating;

/// <summary>
/// The expressions of the first engine: a path (<c>a.b[0].c</c>, <c>$root.x</c>, <c>$index</c>, <c>$data</c>),
/// optionally negated with <c>!</c>. A missing path becomes the literal <c>${path}</c> text, as in the
/// reference engine, except where a condition is evaluated (then it is null).
/// </summary>
internal static class Expression
{
    public readonly record struct Result(JsonNode? Value);

    public static Result Evaluate(string source, Scope scope, bool substituteMissing)
    {
        var text = source.Trim();
        if (text.StartsWith('!'))
        {
            var inner = Evaluate(text[1..], scope, substituteMissing: false).Value;
            return new Result(JsonValue.Create(!IsTruthy(inner)));
        }

        if (text is "true" or "false")
        {
            return new Result(JsonValue.Create(text == "true"));
        }

        if (TryResolvePath(text, scope, out var value))
        {
            return new Result(value);
        }

        return new Result(substituteMissing ? JsonValue.Create("${" + text + "}") : null);
    }

    /// <summary>Only false, null and missing are false: 0 and '' are true, as in Adaptive Expressions.</summary>
    public static bool IsTruthy(JsonNode? node) =>
        node is not null && !(node is JsonValue v && v.TryGetValue<bool>(out var b) && !b);

    /// <summary>How a value reads inside text (JavaScript's toString, as the reference engine).</summary>
    public static string ToText(JsonNode? node) => node switch
    {
        null => string.Empty,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonValue v when v.TryGetValue<double>(out var d) => d.ToString("R", CultureInfo.InvariantCulture),
        JsonArray a => string.Join(',', a.Select(ToText)),
        JsonObject => "[object Object]",
        _ => node.ToJsonString(),
    };

    private static bool TryResolvePath(string path, Scope scope, out JsonNode? value)
    {
        value = null;
        var segments = Split(path);
        if (segments is null || segments.Count == 0)
        {
            return false;
        }

        JsonNode? current;
        var first = segments[0];
        var rest = 1;
        switch (first)
        {
            case "$root":
                current = scope.Root;
                break;
            case "$data":
                current = scope.Data;
                break;
            case "$index":
                if (scope.Index is null)
                {
                    return false;
                }

                value = JsonValue.Create(scope.Index.Value);
                return segments.Count == 1;
            default:
                current = scope.Data;
                rest = 0;
                break;
        }

        for (var i = rest; i < segments.Count; i++)
        {
            var segment = segments[i];
            switch (current)
            {
                case JsonObject obj:
                    var match = obj.FirstOrDefault(p => string.Equals(p.Key, segment, StringComparison.OrdinalIgnoreCase));
                    if (match.Key is null)
                    {
                        return false;
                    }

                    current = match.Value;
                    break;
                case JsonArray array when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index):
                    if (index >= array.Count)
                    {
                        return false;
                    }

                    current = array[index];
                    break;
                default:
                    return false;
            }
        }

        value = current;
        return true;
    }

    /// <summary><c>a.b[0]['c d']</c> → a, b, 0, c d. Null when the text is not a plain path.</summary>
    private static List<string>? Split(string path)
    {
        var segments = new List<string>();
        var i = 0;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                i++;
                continue;
            }

            if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    return null;
                }

                segments.Add(path[(i + 1)..close].Trim().Trim('\'', '"'));
                i = close + 1;
                continue;
            }

            var start = i;
            while (i < path.Length && path[i] != '.' && path[i] != '[')
            {
                if (!(char.IsLetterOrDigit(path[i]) || path[i] is '_' or '$' or '@'))
                {
                    return null;
                }

                i++;
            }

            segments.Add(path[start..i]);
        }

        return segments;
    }

}
