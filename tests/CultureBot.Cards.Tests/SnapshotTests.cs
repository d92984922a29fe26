using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;
using CultureBot.Testing;

namespace CultureBot.Cards.Tests;

/// <summary>
/// Every card, expanded with its sample in each language, equals its reviewed snapshot in <c>Snapshots/</c>:
/// a change to a template or a string shows up in the diff. <c>CULTUREBOT_UPDATE_SNAPSHOTS=1</c> rewrites them.
/// </summary>
public class SnapshotTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string CatalogDirectory => Path.Combine(PeerTools.RepoRoot, "cards");

    private static string SnapshotDirectory => Path.Combine(PeerTools.RepoRoot, "tests", "CultureBot.Cards.Tests", "Snapshots");

    public static TheoryData<string, string, string> Cards()
    {
        var data = new TheoryData<string, string, string>();
        var catalog = CardCatalog.Load(CatalogDirectory);
        foreach (var (platform, folder) in CardCatalog.PlatformFolders)
        {
            foreach (var name in catalog.Names(platform))
            {
                foreach (var language in catalog.Strings.Languages)
                {
                    data.Add(platform, name, language);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cards))]
    public void Card_matches_its_snapshot(string platform, string name, string language)
    {
        var catalog = CardCatalog.Load(CatalogDirectory);
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(CatalogDirectory, "samples", name + ".json")))!.AsObject();
        var actual = catalog.Render(platform, new CardContent(name, sample), Locales.Resolve(language)).ToJsonString(Indented) + "\n";
        var path = Path.Combine(SnapshotDirectory, $"{CardCatalog.PlatformFolders[platform]}.{name}.{language}.json");

        if (Environment.GetEnvironmentVariable("CULTUREBOT_UPDATE_SNAPSHOTS") == "1" || (!File.Exists(path) && !PeerTools.InCi))
        {
            Directory.CreateDirectory(SnapshotDirectory);
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run the tests once with CULTUREBOT_UPDATE_SNAPSHOTS=1 and review it");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
