using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;
using CultureBot.Testing;
using Xunit.Abstractions;

namespace CultureBot.Cards.Tests.Templating;

/// <summary>
/// Microsoft's engine (<c>card-expand</c>: adaptivecards-templating 2.3.1) and ours, side by side, on the golden
/// cases, on every catalog template with its sample data, and on generated cases. Any difference that
/// <see cref="GoldenCases.DocumentedDifferences"/> does not explain fails.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private static string CatalogDirectory => Path.Combine(PeerTools.RepoRoot, "cards");

    private static async Task<JsonArray> ReferenceAsync(JsonArray cases)
    {
        var input = Path.Combine(Path.GetTempPath(), $"culturebot-cases-{Guid.NewGuid():N}.json");
        var answers = Path.ChangeExtension(input, ".golden.json");
        await File.WriteAllTextAsync(input, cases.ToJsonString());
        var run = await PeerTools.RunAsync("card-expand", ["--cases", input, "--out", answers]);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonNode.Parse(await File.ReadAllTextAsync(answers))!.AsArray();
    }

    private void Compare(JsonArray reference)
    {
        var differences = new List<string>();
        foreach (var item in reference)
        {
            var name = item!["name"]!.GetValue<string>();
            var ours = GoldenCases.Run(item["template"]!, item["data"], item["host"]);
            if (!GoldenCases.SameOutcome(item["expected"]!, ours) && !GoldenCases.DocumentedDifferences.ContainsKey(name))
            {
                differences.Add($"{name}\n  template  {item["template"]!.ToJsonString()}\n  reference {item["expected"]!.ToJsonString()}\n  ours      {ours.ToJsonString()}");
            }
        }

        output.WriteLine($"{reference.Count} cases compared, {differences.Count} undocumented differences");
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    [SkippableFact]
    public async Task Golden_cases_match_the_live_reference_engine()
    {
        PeerTools.Require();
        var cases = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "templating", "cases.json")))!.AsArray();

        Compare(await ReferenceAsync(cases));
    }

    [SkippableFact]
    public async Task Every_catalog_card_expands_as_the_reference_does_on_both_platforms_and_languages()
    {
        PeerTools.Require();
        var catalog = CardCatalog.Load(CatalogDirectory);
        var cases = new JsonArray();
        foreach (var (platform, folder) in CardCatalog.PlatformFolders)
        {
            foreach (var name in catalog.Names(platform))
            {
                var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CatalogDirectory, "samples", name + ".json")))!.AsObject();
                foreach (var culture in catalog.Strings.Languages.Select(CultureInfo.GetCultureInfo))
                {
                    cases.Add(new JsonObject
                    {
                        ["name"] = $"{folder}/{name}/{culture.TwoLetterISOLanguageName}",
                        ["template"] = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CatalogDirectory, folder, name + ".json"))),
                        ["data"] = catalog.ViewModel(new CardContent(name, sample), culture),
                    });
                }
            }
        }

        Assert.NotEmpty(cases);
        Compare(await ReferenceAsync(cases));
    }

    [SkippableFact]
    public async Task Generated_cases_match_the_reference_engine()
    {
        PeerTools.Require();

        Compare(await ReferenceAsync(GeneratedCases.Create(count: 300, seed: 20261122)));
    }
}
