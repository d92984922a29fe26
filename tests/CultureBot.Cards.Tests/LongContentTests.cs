using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;
using CultureBot.Testing;

namespace CultureBot.Cards.Tests;

/// <summary>Oversized content is cut in the view-model, so the platforms accept the card whatever the pack holds.</summary>
public class LongContentTests
{
    private static readonly Persona Oversized = new()
    {
        Id = "verbose",
        Name = "Véronique Très-Longue-Description",
        Tagline = string.Concat(Enumerable.Repeat("Toujours pressée mais exigeante, ", 20)),
        Profile = string.Concat(Enumerable.Repeat("Elle a un parcours très riche et détaillé. ", 120)),
        Values = [.. Enumerable.Range(1, 25).Select(i => $"Valeur numéro {i}")],
        Channels = [.. Enumerable.Range(1, 15).Select(i => $"Canal {i}")],
        Expectations = [.. Enumerable.Range(1, 30).Select(i => $"Attente {i} " + new string('x', 400))],
        Delights = [.. Enumerable.Range(1, 12).Select(i => $"Enchantement {i}")],
        Irritants = [.. Enumerable.Range(1, 40).Select(i => $"Irritant numéro {i} : attendre, répéter, ne pas être rappelée")],
        Verbatim = string.Concat(Enumerable.Repeat("Je veux qu'on m'écoute vraiment, ", 160)),
        Promise = new string('p', 3000),
        Posture = string.Concat(Enumerable.Repeat("Parler simplement. ", 200)),
        SectorRubrics = [.. Enumerable.Range(1, 6).Select(i => new KeyValuePair<string, string>($"Rubrique {i}", new string('r', 2000)))],
    };

    [Fact]
    public void The_view_model_cuts_lists_and_texts()
    {
        var data = PersonaCards.SheetCard(Oversized, null, "Palmes et Rando").Data;

        Assert.Equal(PersonaCards.MaxListItems, data["irritants"]!["items"]!.AsArray().Count);
        Assert.Equal(40 - PersonaCards.MaxListItems, data["irritants"]!["more"]!.GetValue<int>());
        Assert.True(data["verbatim"]!.GetValue<string>().Length <= PersonaCards.MaxVerbatimLength);
        Assert.EndsWith("…", data["verbatim"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(data["expectations"]!["items"]!.AsArray(), i => Assert.True(i!.GetValue<string>().Length <= PersonaCards.MaxItemLength));
        Assert.False(data.ContainsKey("photo"), "absent rubrics are left out of the view-model");
    }

    [Theory]
    [InlineData("Bonjour", 10, "Bonjour")]
    [InlineData("Un deux trois quatre cinq", 12, "Un deux…")]
    [InlineData("abcdefghijklmnop", 8, "abcdefg…")]
    public void Cut_stops_at_a_word_with_an_ellipsis(string text, int max, string expected) =>
        Assert.Equal(expected, PersonaCards.Cut(text, max));

    [SkippableTheory]
    [InlineData("en")]
    [InlineData("fr")]
    public async Task An_oversized_persona_still_passes_both_platforms_checks(string language)
    {
        PeerTools.Require();
        var catalog = CardCatalog.Load(Path.Combine(PeerTools.RepoRoot, "cards"));
        var card = PersonaCards.SheetCard(Oversized, "https://example.com/v.png", "Palmes et Rando");

        foreach (var (platform, tool) in new[] { (Platforms.Teams, "card-validate"), (Platforms.Slack, "slack-blocks-validate") })
        {
            var path = Path.Combine(Path.GetTempPath(), $"oversized-{platform}-{language}-{Guid.NewGuid():N}.json");
            await File.WriteAllTextAsync(path, catalog.Render(platform, card, Locales.Resolve(language)).ToJsonString());

            var run = await PeerTools.RunAsync(tool, [path]);

            Assert.True(run.ExitCode == 0, $"{platform}: {run}");
        }
    }
}
