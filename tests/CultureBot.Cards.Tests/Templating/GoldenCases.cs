using System.Text.Json.Nodes;
using CultureBot.Cards.Templating;

namespace CultureBot.Cards.Tests.Templating;

/// <summary>
/// The reference engine's recorded answers (<c>adaptivecards-templating</c> 2.3.1, copied from
/// ../shared/tools/data/templating) and how ours compares with them.
/// </summary>
public static class GoldenCases
{
    /// <summary>Where we knowingly differ from the reference engine, and why (also in docs/templating.md).</summary>
    public static readonly IReadOnlyDictionary<string, string> DocumentedDifferences = new Dictionary<string, string>();

    public static IReadOnlyList<JsonObject> Load() =>
        [.. JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "templating", "golden.json")))!.AsArray().Select(c => c!.AsObject())];

    /// <summary>What our engine answers, in the reference's shape: <c>{"result": …}</c> or <c>{"error": "…"}</c>.</summary>
    public static JsonObject Run(JsonNode template, JsonNode? data, JsonNode? host)
    {
        try
        {
            var result = CardTemplate.Parse(template.ToJsonString()).Expand(data, host);
            return new JsonObject { ["result"] = result };
        }
        catch (TemplateException e)
        {
            return new JsonObject { ["error"] = e.Message };
        }
    }

    /// <summary>Same outcome: equal results (numbers compared as numbers), or an error on both sides.</summary>
    public static bool SameOutcome(JsonNode expected, JsonNode actual) =>
        expected["error"] is not null
            ? actual["error"] is not null
            : actual["error"] is null && JsonEquivalent(expected["result"], actual["result"]);

    public static bool JsonEquivalent(JsonNode? a, JsonNode? b) => (a, b) switch
    {
        (null, null) => true,
        (JsonObject x, JsonObject y) => x.Count == y.Count && x.All(p => y.TryGetPropertyValue(p.Key, out var v) && JsonEquivalent(p.Value, v)),
        (JsonArray x, JsonArray y) => x.Count == y.Count && x.Zip(y).All(p => JsonEquivalent(p.First, p.Second)),
        (JsonValue x, JsonValue y) when x.GetValueKind() == System.Text.Json.JsonValueKind.Number && y.GetValueKind() == System.Text.Json.JsonValueKind.Number
            => x.GetValue<double>().Equals(y.GetValue<double>()),
        _ => JsonNode.DeepEquals(a, b),
    };
}
