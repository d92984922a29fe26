using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureBot.Cards.Templating.Expressions;

/// <summary>The operators and functions cards use, with the reference engine's JavaScript semantics.</summary>
internal static class Functions
{
    private delegate object? Eager(IReadOnlyList<object?> args, string name);

    /// <summary>Functions whose arguments are conditions: evaluated without missing-value substitution.</summary>
    private static readonly HashSet<string> Conditions = new(StringComparer.Ordinal)
    {
        "!", "not", "&&", "and", "||", "or", "==", "equals", "!=", "<", "<=", ">", ">=", "less", "lessOrEquals", "greater", "greaterOrEquals", "exists", "empty",
    };

    private static readonly Dictionary<string, Eager> Table = new(StringComparer.Ordinal)
    {
        ["+"] = (a, n) => a.Count == 1 ? Js.Number(a[0], n) : Add(a[0], a[1]),
        ["add"] = (a, _) => a.Skip(1).Aggregate(a[0], Add),
        ["-"] = (a, n) => a.Count == 1 ? -Js.Number(a[0], n) : Js.Number(a[0], n) - Js.Number(a[1], n),
        ["sub"] = (a, n) => Js.Number(a[0], n) - Js.Number(a[1], n),
        ["*"] = (a, n) => Js.Number(a[0], n) * Js.Number(a[1], n),
        ["mul"] = (a, n) => Js.Number(a[0], n) * Js.Number(a[1], n),
        ["/"] = (a, n) => Divide(Js.Number(a[0], n), Js.Number(a[1], n)),
        ["div"] = (a, n) => Divide(Js.Number(a[0], n), Js.Number(a[1], n)),
        ["%"] = (a, n) => Modulo(Js.Number(a[0], n), Js.Number(a[1], n)),
        ["mod"] = (a, n) => Modulo(Js.Number(a[0], n), Js.Number(a[1], n)),
        ["^"] = (a, n) => Math.Pow(Js.Number(a[0], n), Js.Number(a[1], n)),
        ["&"] = (a, _) => string.Concat(a.Select(Lenient)),
        ["max"] = (a, n) => Flatten(a).Select(v => Js.Number(v, n)).Max(),
        ["min"] = (a, n) => Flatten(a).Select(v => Js.Number(v, n)).Min(),
        ["float"] = (a, n) => a[0] is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : Js.Number(a[0], n),
        ["int"] = (a, n) => Math.Truncate(a[0] is string s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) ? f : Js.Number(a[0], n)),
        ["round"] = (a, n) => Math.Round(Js.Number(a[0], n), a.Count > 1 ? (int)Js.Number(a[1], n) : 0, MidpointRounding.AwayFromZero),
        ["count"] = (a, n) => Length(a[0], n),
        ["length"] = (a, n) => Length(a[0], n),
        ["concat"] = (a, _) => a.All(Js.IsList) ? a.SelectMany(Js.Items).ToList() : string.Concat(a.Select(Lenient)),
        ["join"] = (a, n) => Join(a, n),
        ["toUpper"] = (a, n) => Text(a[0], n).ToUpperInvariant(),
        ["toLower"] = (a, n) => Text(a[0], n).ToLowerInvariant(),
        ["trim"] = (a, n) => Text(a[0], n).Trim(),
        ["substring"] = (a, n) => Substring(Text(a[0], n), (int)Js.Number(a[1], n), a.Count > 2 ? (int)Js.Number(a[2], n) : null),
        ["replace"] = (a, n) => Replace(Text(a[0], n), Text(a[1], n), Lenient(a[2])),
        ["replaceIgnoreCase"] = (a, n) => Text(a[0], n).Replace(Text(a[1], n), Lenient(a[2]), StringComparison.OrdinalIgnoreCase),
        ["split"] = (a, n) => Text(a[0], n).Split(a.Count > 1 ? Text(a[1], n) : string.Empty).Cast<object?>().ToList(),
        ["startsWith"] = (a, n) => Text(a[0], n).StartsWith(Text(a[1], n), StringComparison.Ordinal),
        ["endsWith"] = (a, n) => Text(a[0], n).EndsWith(Text(a[1], n), StringComparison.Ordinal),
        ["indexOf"] = (a, n) => a[0] is string s ? s.IndexOf(Text(a[1], n), StringComparison.Ordinal) : (double)Js.Items(a[0]).ToList().FindIndex(i => Js.StrictEquals(i, a[1])),
        ["contains"] = (a, _) => Contains(a[0], a[1]),
        ["string"] = (a, _) => Js.Stringify(a[0]),
        ["bool"] = (a, _) => Js.Truthy(a[0]),
        ["json"] = (a, n) => ParseJson(Text(a[0], n)),
        ["coalesce"] = (a, _) => a.FirstOrDefault(v => v is not (null or Undefined)),
        ["first"] = (a, _) => Edge(a[0], first: true),
        ["last"] = (a, _) => Edge(a[0], first: false),
        ["take"] = (a, n) => Slice(a[0], 0, (int)Js.Number(a[1], n), n),
        ["skip"] = (a, n) => Slice(a[0], (int)Js.Number(a[1], n), int.MaxValue, n),
        ["createArray"] = (a, _) => a.ToList(),
        ["formatDateTime"] = (a, n) => Dates.Format(a[0], a.Count > 1 ? Text(a[1], n) : null),
        ["formatNumber"] = (a, n) => FormatNumber(Js.Number(a[0], n), (int)Js.Number(a[1], n), a.Count > 2 ? Text(a[2], n) : null),
        ["addDays"] = (a, n) => Dates.Add(a, TimeSpan.FromDays(1), n),
        ["addHours"] = (a, n) => Dates.Add(a, TimeSpan.FromHours(1), n),
        ["addMinutes"] = (a, n) => Dates.Add(a, TimeSpan.FromMinutes(1), n),
        ["addSeconds"] = (a, n) => Dates.Add(a, TimeSpan.FromSeconds(1), n),
    };

    public static object? Call(CallExpr call, Scope scope, bool substitute)
    {
        var name = call.Name;
        if (Conditions.Contains(name))
        {
            return Condition(call, scope);
        }

        if (name == "if")
        {
            Arity(call, 3);
            var test = Evaluator.Evaluate(call.Arguments[0], scope, substitute: false);
            return Evaluator.Evaluate(call.Arguments[Js.Truthy(test) ? 1 : 2], scope, substitute);
        }

        if (!Table.TryGetValue(name, out var function))
        {
            throw new EvaluationException($"Unknown function {name}");
        }

        var args = new object?[call.Arguments.Count];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Evaluator.Evaluate(call.Arguments[i], scope, substitute);
        }

        if (args.Length == 0 && name != "createArray" && name != "concat")
        {
            throw new EvaluationException($"{name} needs arguments.");
        }

        return function(args, name);
    }

    private static bool Condition(CallExpr call, Scope scope)
    {
        var args = call.Arguments;
        object? Arg(int i) => Evaluator.Evaluate(args[i], scope, substitute: false);
        switch (call.Name)
        {
            case "!" or "not":
                return !Js.Truthy(Arg(0));
            case "&&" or "and":
                return args.Select((_, i) => i).All(i => Js.Truthy(Arg(i)));
            case "||" or "or":
                return args.Select((_, i) => i).Any(i => Js.Truthy(Arg(i)));
            case "==" or "equals":
                return Js.StrictEquals(Arg(0), Arg(1));
            case "!=":
                return !Js.StrictEquals(Arg(0), Arg(1));
            case "exists":
                return Arg(0) is not (null or Undefined);
            case "empty":
                return Arg(0) switch
                {
                    null or Undefined => true,
                    string s => s.Length == 0,
                    JsonObject o => o.Count == 0,
                    var v when Js.IsList(v) => Js.Items(v).Count == 0,
                    _ => false,
                };
            default:
                var order = Compare(Arg(0), Arg(1), call.Name);
                return call.Name switch
                {
                    "<" or "less" => order < 0,
                    "<=" or "lessOrEquals" => order <= 0,
                    ">" or "greater" => order > 0,
                    _ => order >= 0,
                };
        }
    }

    private static int Compare(object? a, object? b, string name) => (a, b) switch
    {
        (double x, double y) => x.CompareTo(y),
        (string x, string y) => string.CompareOrdinal(x, y),
        _ => throw new EvaluationException($"{name}: {Js.Describe(a)} and {Js.Describe(b)} cannot be compared."),
    };

    private static void Arity(CallExpr call, int count)
    {
        if (call.Arguments.Count != count)
        {
            throw new EvaluationException($"{call.Name} takes {count} arguments.");
        }
    }

    private static object Add(object? a, object? b) => (a, b) switch
    {
        (double x, double y) => x + y,
        (string, _) or (_, string) when a is not (null or Undefined) && b is not (null or Undefined) => Js.ToText(a) + Js.ToText(b),
        _ => throw new EvaluationException($"add: {Js.Describe(a)} and {Js.Describe(b)} cannot be added."),
    };

    /// <summary>Two integers divide with truncation (JavaScript cannot tell 7.0 from 7, so neither can we).</summary>
    private static double Divide(double a, double b)
    {
        if (b == 0)
        {
            throw new EvaluationException("Cannot divide by 0.");
        }

        return Js.IsInteger(a) && Js.IsInteger(b) ? Math.Truncate(a / b) : a / b;
    }

    private static double Modulo(double a, double b) =>
        b == 0 ? throw new EvaluationException("Cannot divide by 0.") : a % b;

    private static IEnumerable<object?> Flatten(IReadOnlyList<object?> args) =>
        args.SelectMany(a => Js.IsList(a) ? Js.Items(a) : [a]);

    private static double Length(object? value, string name) => value switch
    {
        string s => s.Length,
        _ when Js.IsList(value) => Js.Items(value).Count,
        _ => throw new EvaluationException($"{Js.Describe(value)} is neither a string nor a null object."),
    };

    /// <summary>A string argument; an explicit null or another type is an error (a missing value arrives as its <c>${path}</c> text).</summary>
    private static string Text(object? value, string name) =>
        value as string ?? throw new EvaluationException($"{name}: {Js.Describe(value)} is neither a string nor a null object.");

    /// <summary>Concatenation's view of a value: null and undefined are empty.</summary>
    private static string Lenient(object? value) => value is null or Undefined ? string.Empty : Js.ToText(value);

    private static string Join(IReadOnlyList<object?> args, string name)
    {
        if (!Js.IsList(args[0]))
        {
            throw new EvaluationException($"{Js.Describe(args[0])} is not a list.");
        }

        var items = Js.Items(args[0]).Select(Lenient).ToList();
        var separator = Text(args[1], name);
        if (args.Count > 2 && items.Count > 1)
        {
            return string.Join(separator, items.Take(items.Count - 1)) + Text(args[2], name) + items[^1];
        }

        return string.Join(separator, items);
    }

    private static string Substring(string text, int start, int? length)
    {
        var count = length ?? text.Length - start;
        if (start < 0 || count < 0 || start + count > text.Length)
        {
            throw new EvaluationException($"substring: index {start} and length {count} are out of range for '{text}'.");
        }

        return text.Substring(start, count);
    }

    private static string Replace(string text, string old, string replacement) =>
        old.Length == 0 ? throw new EvaluationException("replace: the text to replace is empty.") : text.Replace(old, replacement, StringComparison.Ordinal);

    private static bool Contains(object? collection, object? item) => collection switch
    {
        string s => item is string t && s.Contains(t, StringComparison.Ordinal),
        JsonObject o => item is string key && o.ContainsKey(key),
        _ when Js.IsList(collection) => Js.Items(collection).Any(i => Js.StrictEquals(i, item)),
        _ => false,
    };

    private static object? ParseJson(string text)
    {
        try
        {
            return Js.FromNode(JsonNode.Parse(text));
        }
        catch (JsonException e)
        {
            throw new EvaluationException($"json: {e.Message}");
        }
    }

    private static object? Edge(object? value, bool first) => value switch
    {
        string { Length: > 0 } s => (first ? s[0] : s[^1]).ToString(),
        string => Undefined.Value,
        _ when Js.IsList(value) => Js.Items(value) is { Count: > 0 } items ? items[first ? 0 : ^1] : Undefined.Value,
        _ => Undefined.Value,
    };

    private static object Slice(object? value, int start, int count, string name)
    {
        start = Math.Max(0, start);
        return value switch
        {
            string s => start >= s.Length ? string.Empty : s.Substring(start, Math.Min(count, s.Length - start)),
            _ when Js.IsList(value) => Js.Items(value).Skip(start).Take(Math.Max(0, count)).ToList(),
            _ => throw new EvaluationException($"{name}: {Js.Describe(value)} is neither a string nor a list."),
        };
    }

    private static string FormatNumber(double value, int decimals, string? locale)
    {
        if (decimals < 0)
        {
            throw new EvaluationException("formatNumber: the number of decimals must be positive.");
        }

        CultureInfo culture;
        try
        {
            culture = string.IsNullOrEmpty(locale) ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo(locale);
        }
        catch (CultureNotFoundException)
        {
            throw new EvaluationException($"formatNumber: unknown locale {locale}.");
        }

        // JavaScript's toLocaleString rounds ties away from zero; .NET's "N" format rounds them to even.
        var rounded = decimals <= 15 ? Math.Round(value, decimals, MidpointRounding.AwayFromZero) : value;
        return rounded.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), culture);
    }
}
