using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Cards.Templating;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;
using CultureBot.Testing;

namespace CultureBot.Cards.Tests;

/// <summary>
/// The card pictures of the documentation (docs/cards) show the cards as they are. Comparing pixels across machines
/// is fragile (fonts), so scripts/render-cards.sh records beside the pictures (docs/cards/cards.sha256) the SHA-256
/// of the exact card JSON each one was rendered from, as <c>culturebot cards expand</c> prints it; this test expands
/// the same cards with the same sample data and names every picture whose card has changed since.
/// </summary>
public sealed class CardPicturesTests
{
    private const string Refresh = "scripts/render-cards.sh (or scripts/screenshots.sh for every picture)";

    /// <summary>As <c>culturebot cards expand</c> prints a card.</summary>
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Pictures => Path.Combine(PeerTools.RepoRoot, "docs", "cards");

    /// <summary>Picture file name to recorded hash.</summary>
    private static Dictionary<string, string> Recorded() =>
        File.ReadAllLines(Path.Combine(Pictures, "cards.sha256"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts[1].Trim(), StringComparer.Ordinal);

    [Fact]
    public void Every_card_picture_was_rendered_from_the_card_as_it_is_now()
    {
        var catalog = CardCatalog.Load(Path.Combine(PeerTools.RepoRoot, "cards"));
        var stale = new List<string>();
        foreach (var (picture, hash) in Recorded())
        {
            var parts = picture.Split('.');
            var (name, language) = (parts[0], parts[1]);
            if (!string.Equals(Hash(catalog, name, language), hash, StringComparison.Ordinal))
            {
                stale.Add($"docs/cards/{picture}");
            }
        }

        Assert.True(stale.Count == 0, $"These pictures no longer show their card: {string.Join(", ", stale)}. Refresh them with {Refresh}.");
    }

    [Fact]
    public void Every_card_picture_has_its_hash_and_every_hash_its_picture()
    {
        var pictures = Directory.GetFiles(Pictures, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var recorded = Recorded().Keys.Order(StringComparer.Ordinal);

        Assert.Equal(pictures, recorded);
    }

    [Fact]
    public void A_changed_card_changes_its_hash()
    {
        var catalog = CardCatalog.Load(Path.Combine(PeerTools.RepoRoot, "cards"));

        Assert.NotEqual(Hash(catalog, "help", "en"), Hash(catalog, "help", "fr"));
        Assert.Equal(Hash(catalog, "help", "en"), Hash(catalog, "help", "en"));
    }

    /// <summary>The SHA-256 of <c>culturebot cards expand cards/teams/NAME.json cards/samples/NAME.json --lang LANGUAGE</c>'s output.</summary>
    private static string Hash(CardCatalog catalog, string name, string language)
    {
        var cards = Path.Combine(PeerTools.RepoRoot, "cards");
        var template = CardTemplate.Parse(File.ReadAllText(Path.Combine(cards, "teams", name + ".json")));
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(cards, "samples", name + ".json")))!.AsObject();
        var card = template.Expand(catalog.ViewModel(new CardContent(name, sample), Locales.Resolve(language)), null);
        var printed = (card is null ? "null" : card.ToJsonString(Indented)) + "\n";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(printed)));
    }
}
