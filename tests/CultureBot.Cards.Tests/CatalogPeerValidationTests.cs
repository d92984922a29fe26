using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Testing;

namespace CultureBot.Cards.Tests;

/// <summary>
/// Every catalog card, expanded with its sample data in each language, passes the platform's own checks:
/// the official Adaptive Card schema and parser with Teams' host config (<c>card-validate</c>), and
/// <c>@slack/types</c> with Block Kit's limits (<c>slack-blocks-validate</c>).
/// </summary>
public class CatalogPeerValidationTests
{
    private static string CatalogDirectory => Path.Combine(PeerTools.RepoRoot, "cards");

    /// <summary>Each card with its sample, and with each variant sample (<c>samples/variants/CARD.VARIANT.json</c>: the other kinds of a many-kind card).</summary>
    public static TheoryData<string, string> Cards()
    {
        var data = new TheoryData<string, string>();
        var variants = Directory.GetFiles(Path.Combine(CatalogDirectory, "samples", "variants"), "*.json").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        foreach (var name in CardCatalog.Load(CatalogDirectory).Names(Platforms.Teams).Concat(variants))
        {
            foreach (var language in new[] { "en", "fr" })
            {
                data.Add(name!, language);
            }
        }

        return data;
    }

    private static string Expand(string platform, string sampleName, string language)
    {
        var catalog = CardCatalog.Load(CatalogDirectory);
        var variant = sampleName.Contains('.', StringComparison.Ordinal);
        var name = sampleName.Split('.')[0];
        var samplePath = variant ? Path.Combine(CatalogDirectory, "samples", "variants", sampleName + ".json") : Path.Combine(CatalogDirectory, "samples", name + ".json");
        var sample = JsonNode.Parse(File.ReadAllText(samplePath))!.AsObject();
        var card = catalog.Render(platform, new CardContent(name, sample), Locales.Resolve(language));
        var path = Path.Combine(Path.GetTempPath(), $"culturebot-{platform}-{sampleName}-{language}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, card.ToJsonString());
        return path;
    }

    [SkippableTheory]
    [MemberData(nameof(Cards))]
    public async Task Teams_card_passes_card_validate(string name, string language)
    {
        PeerTools.Require();
        var path = Expand(Platforms.Teams, name, language);

        var run = await PeerTools.RunAsync("card-validate", [path]);

        Assert.True(run.ExitCode == 0 && run.Stdout.Contains("result: OK", StringComparison.Ordinal), run.ToString());
        Assert.DoesNotContain("warning", run.Stdout.Split('\n').Last(l => l.StartsWith("result:", StringComparison.Ordinal)).Replace("0 warning", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Cards))]
    public async Task Slack_message_passes_slack_blocks_validate(string name, string language)
    {
        PeerTools.Require();
        var path = Expand(Platforms.Slack, name, language);

        var run = await PeerTools.RunAsync("slack-blocks-validate", [path]);

        Assert.True(run.ExitCode == 0, run.ToString());
    }
}
