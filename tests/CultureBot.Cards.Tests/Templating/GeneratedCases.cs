using System.Globalization;
using System.Text.Json.Nodes;

namespace CultureBot.Cards.Tests.Templating;

/// <summary>
/// Random but reproducible templates and data built from the constructs cards use (paths, functions, operators,
/// <c>$data</c> repeats, <c>$when</c>), for the differential test against the reference engine.
/// </summary>
public static class GeneratedCases
{
    private static readonly string[] Names = ["Léa", "Quentin", "Éloïse", "Zoé", "Marc-André", "O'Brien", "ana"];
    private static readonly string[] Words = ["prix", "conseil", "délai", "magasin", "online", "expertise"];

    private static readonly string[] Expressions =
    [
        "name", "NAME", "n", "f", "b", "arr", "words", "obj.x", "obj.Y", "people[0].name", "people[1].age", "$root.title", "missing", "obj.missing",
        "toUpper(name)", "toLower(name)", "length(name)", "count(words)", "count(people)", "join(words, ', ')", "join(words, ', ', ' et ')",
        "concat(name, ' - ', title)", "if(b, 'oui', 'non')", "if(n > 3, name, title)", "exists(missing)", "exists(name)", "empty(arr)", "empty(emptyList)",
        "coalesce(missing, name)", "first(words)", "last(words)", "take(words, 2)", "string(obj)", "string(arr)", "replace(title, 'e', 'E')",
        "substring(title, 0, 3)", "n + 1", "n * 2", "n - f", "f * 2", "n / 2", "n % 3", "n > 3 && b", "!b || n < 2", "n == 5", "name == 'Léa'",
        "formatNumber(f, 2)", "formatNumber(big, 1)", "formatDateTime(date, 'yyyy-MM-dd')", "formatDateTime(date, 'dddd d MMMM yyyy HH:mm')",
        "'lit' & name", "max(arr)", "min(arr)", "contains(words, 'prix')", "startsWith(title, 'Le')", "json('{\"k\":[1,2]}')", "first(people).name",
    ];

    public static JsonArray Create(int count, int seed)
    {
        var random = new Random(seed);
        var cases = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            cases.Add(new JsonObject
            {
                ["name"] = $"generated-{i:D3}",
                ["template"] = Template(random),
                ["data"] = Data(random),
            });
        }

        return cases;
    }

    private static JsonObject Data(Random random) => new()
    {
        ["name"] = Names[random.Next(Names.Length)],
        ["title"] = random.Next(2) == 0 ? "Le client expert" : "Une cliente pressée",
        ["n"] = random.Next(0, 9),
        ["f"] = Math.Round(random.NextDouble() * 100, 2),
        ["big"] = random.Next(1000, 9_999_999) + 0.25,
        ["b"] = random.Next(2) == 0,
        ["arr"] = new JsonArray([.. Enumerable.Range(0, random.Next(1, 5)).Select(_ => JsonValue.Create(random.Next(-5, 50)))]),
        ["emptyList"] = new JsonArray(),
        ["words"] = new JsonArray([.. Words.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).Select(w => JsonValue.Create(w))]),
        ["obj"] = new JsonObject { ["x"] = random.Next(10), ["Y"] = "why" },
        ["date"] = new DateTimeOffset(2026, random.Next(1, 13), random.Next(1, 28), random.Next(24), random.Next(60), 0, TimeSpan.FromHours(random.Next(-5, 6))).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
        ["people"] = new JsonArray([.. Enumerable.Range(0, random.Next(1, 4)).Select(j => (JsonNode)new JsonObject { ["name"] = Names[(j + 3) % Names.Length], ["age"] = 20 + j })]),
    };

    private static JsonObject Template(Random random)
    {
        string Expr() => Expressions[random.Next(Expressions.Length)];
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = "${" + Expr() + "}" },
            new JsonObject { ["type"] = "TextBlock", ["text"] = $"Avant ${{{Expr()}}} pendant ${{{Expr()}}} après" },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(new JsonObject
                {
                    ["$data"] = "${people}",
                    ["$when"] = random.Next(2) == 0 ? "${age > 20}" : "${$index != 1}",
                    ["title"] = "${name} #${$index}",
                    ["value"] = "${string(age)} / ${$root.title}",
                }),
            },
            new JsonObject { ["$when"] = "${" + (random.Next(2) == 0 ? "b" : "n > 4") + "}", ["type"] = "TextBlock", ["text"] = "conditional ${n}" },
            new JsonObject { ["$data"] = "${obj}", ["type"] = "TextBlock", ["text"] = "x=${x} y=${Y} root=${$root.name}" },
        };
        return new JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = body, ["extra"] = "${" + Expr() + "}" };
    }
}
