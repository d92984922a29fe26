using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureBot.Cards.Templating.Expressions;

/// <summary>
/// Values as the reference engine (JavaScript) sees them: <c>null</c>, <see cref="Undefined"/>, string, double,
/// bool, and JSON objects and arrays (the data's own nodes, or lists made by functions).
/// </summary>
internal static class Js
{
    /// <summary>A data node as a value: scalars unwrapped, objects and arrays kept by reference (copied only into the output).</summary>
    public static object? FromNode(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value:
                switch (value.GetValueKind())
                {
                    case JsonValueKind.String:
                        return value.GetValue<string>();
                    case JsonValueKind.Number:
                        return value.TryGetValue<double>(out var d) ? d : double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);
                    case JsonValueKind.True:
                        return true;
                    case JsonValueKind.False:
                        return false;
                    default:
                        return null;
                }

            default:
                return node;
        }
    }

    /// <summary>A value as an output node. Data nodes are cloned: a node has one parent.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null or Undefined => null,
        string s => JsonValue.Create(s),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        JsonNode node => node.DeepClone(),
        List<object?> list => new JsonArray([.. list.Select(ToNode)]),
        _ => throw new InvalidOperationException($"Unexpected value {value.GetType().Name}"),
    };

    /// <summary>Adaptive Expressions truthiness: only false, null and undefined are false (0 and '' are true).</summary>
    public static bool Truthy(object? value) => value is not (null or Undefined or false);

    public static bool IsList(object? value) => value is JsonArray or List<object?>;

    /// <summary>The items of an array value, as values.</summary>
    public static IReadOnlyList<object?> Items(object? value) => value switch
    {
        List<object?> list => list,
        JsonArray array => new ArrayView(array),
        _ => throw new EvaluationException($"{Describe(value)} is not a list."),
    };

    /// <summary>JavaScript's <c>String(value)</c>, as used to put a value in mixed text.</summary>
    public static string ToText(object? value) => value switch
    {
        null => throw new TemplateException("Cannot read properties of null (reading 'toString')"),
        Undefined => "undefined",
        string s => s,
        double d => NumberToString(d),
        bool b => b ? "true" : "false",
        JsonObject => "[object Object]",
        JsonArray or List<object?> => string.Join(',', Items(value).Select(i => i is null or Undefined ? string.Empty : ToText(i))),
        JsonValue v => ToText(FromNode(v)),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>JavaScript's number to string: shortest round trip, exponent form outside [1e-6, 1e21).</summary>
    public static string NumberToString(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        if (value == 0)
        {
            return "0";
        }

        var magnitude = Math.Abs(value);
        if (magnitude >= 1e21 || magnitude < 1e-6)
        {
            // .NET writes 1E+21 and 1E-07; JavaScript writes 1e+21 and 1e-7.
            var text = value.ToString("R", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
            var e = text.IndexOf('e', StringComparison.Ordinal);
            var exponent = int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
            return text[..e] + "e" + (exponent >= 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>JSON text (the <c>string()</c> function); a string stays itself.</summary>
    public static string Stringify(object? value) => value switch
    {
        string s => s,
        null => "null",
        Undefined => "undefined",
        double d => NumberToString(d),
        bool b => b ? "true" : "false",
        JsonNode node => node.ToJsonString(),
        List<object?> list => new JsonArray([.. list.Select(ToNode)]).ToJsonString(),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Type-strict equality; objects and arrays compare by content; undefined equals null.</summary>
    public static bool StrictEquals(object? a, object? b)
    {
        a = a is Undefined ? null : a;
        b = b is Undefined ? null : b;
        return (a, b) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
            (double x, double y) => x.Equals(y),
            (bool x, bool y) => x == y,
            _ when IsList(a) && IsList(b) => Items(a).Count == Items(b).Count && Items(a).Zip(Items(b)).All(p => StrictEquals(p.First, p.Second)),
            (JsonObject x, JsonObject y) => JsonNode.DeepEquals(x, y),
            _ => false,
        };
    }

    /// <summary>How the reference engine names a value in error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        Undefined => "undefined",
        string s => s,
        _ => ToTextOrNull(value),
    };

    private static string ToTextOrNull(object? value)
    {
        try
        {
            return ToText(value);
        }
        catch (TemplateException)
        {
            return "null";
        }
    }

    /// <summary>A data array read as values, without copying it.</summary>
    private sealed class ArrayView(JsonArray array) : IReadOnlyList<object?>
    {
        public int Count => array.Count;

        public object? this[int index] => FromNode(array[index]);

        public IEnumerator<object?> GetEnumerator()
        {
            for (var i = 0; i < array.Count; i++)
            {
                yield return FromNode(array[i]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    public static double Number(object? value, string function) =>
        value is double d ? d : throw new EvaluationException($"{function}: {Describe(value)} is not a number.");

    public static bool IsInteger(double value) => Math.Abs(value % 1) == 0 && !double.IsInfinity(value);
}
