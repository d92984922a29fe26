using System.Text.Json;
using CultureBot.Content;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Matching;
using CultureBot.Testing;

namespace CultureBot.Content.Tests;

public class PersonaMatcherTests
{
    private static readonly PersonaPack Pack = PackReader.ReadFile(Path.Combine(AppContext.BaseDirectory, "TestData", "palmes-et-rando.pack.yaml")).Pack;

    [Fact]
    public void The_public_set_is_matched_well_above_chance()
    {
        var matcher = new PersonaMatcher(Pack);
        var items = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "persona-match.public.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToList();

        var top1 = items.Count(i => matcher.Match(i.GetProperty("text").GetString()!).Ranked[0].Persona.Id == i.GetProperty("persona").GetString());
        var top3 = items.Count(i => matcher.Match(i.GetProperty("text").GetString()!).Ranked.Take(3).Any(r => r.Persona.Id == i.GetProperty("persona").GetString()));

        // A regression floor, not the target: the README reports the measured numbers (culturebot match eval).
        Assert.True(top1 >= 0.9 * items.Count, $"top1 {top1}/{items.Count}");
        Assert.True(top3 >= 0.95 * items.Count, $"top3 {top3}/{items.Count}");
    }

    /// <summary>Our labelled set (tests/eval): each file with the packs its items name.</summary>
    public static TheoryData<string, string> LabelledSets => new()
    {
        { Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.en.yaml"), "persona-match.en.jsonl" },
        { Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.fr.yaml"), "persona-match.fr.jsonl" },
        { Path.Combine(AppContext.BaseDirectory, "TestData", "palmes-et-rando.pack.yaml"), "persona-match.fr.jsonl" },
    };

    private static List<(string Id, string Persona, bool Hard, string Text)> Labelled(PersonaPack pack, string set) =>
        [.. File.ReadLines(Path.Combine(PeerTools.RepoRoot, "tests", "eval", set))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(i => i.GetProperty("pack").GetString() == pack.Slug)
            .Select(i => (i.GetProperty("id").GetString()!, i.GetProperty("persona").GetString()!, i.GetProperty("hard").GetBoolean(), i.GetProperty("text").GetString()!))];

    [Theory]
    [MemberData(nameof(LabelledSets))]
    public void The_labelled_set_names_the_packs_personas_and_half_of_it_is_paraphrases(string packFile, string set)
    {
        var pack = PackReader.ReadFile(packFile).Pack;
        var items = Labelled(pack, set);

        Assert.True(items.Count >= 60, $"{pack.Slug}: {items.Count} items");
        Assert.All(items, i => Assert.Contains(pack.Personas, p => p.Id == i.Persona));
        Assert.All(pack.Personas, p => Assert.Contains(items, i => i.Persona == p.Id && i.Hard));
        Assert.Equal(items.Count / 2, items.Count(i => i.Hard));
        Assert.Equal(items.Count, items.Select(i => i.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(LabelledSets))]
    public void Plain_descriptions_of_the_labelled_set_are_matched_first_at_least_95_percent_of_the_time(string packFile, string set)
    {
        var pack = PackReader.ReadFile(packFile).Pack;
        var matcher = new PersonaMatcher(pack);
        var plain = Labelled(pack, set).Where(i => !i.Hard).ToList();

        var misses = plain.Where(i => matcher.Match(i.Text).Ranked[0].Persona.Id != i.Persona).Select(i => i.Id).ToList();

        // A regression floor (the issue's goal for plain descriptions); the README has the measured figures.
        Assert.True(misses.Count <= plain.Count * 0.05, $"{pack.Slug}: missed {string.Join(", ", misses)} of {plain.Count}");
    }

    [Fact]
    public void A_match_explains_itself_with_rubrics_and_the_customers_words()
    {
        var result = new PersonaMatcher(Pack).Match("Il refuse de commander sur internet et voudrait passer sa commande par téléphone.");

        var first = result.Ranked[0];
        Assert.Equal("bernard", first.Persona.Id);
        Assert.Contains(first.Evidence, e => e.Words.Contains("téléphone"));
        Assert.InRange(first.Confidence, 0.34, 1);
        Assert.Equal(1, result.Ranked.Sum(r => r.Confidence), 6);
    }

    [Fact]
    public void Close_personas_bring_the_question_that_separates_them()
    {
        var matcher = new PersonaMatcher(Pack);

        var close = matcher.Match("Il achète en ligne");
        var clear = matcher.Match("Présidente d'un club qui demande un devis pour vingt gilets et une facture au nom de l'association");

        Assert.NotNull(close.DiscriminatingQuestion);
        Assert.Null(clear.DiscriminatingQuestion);
        Assert.Equal("sophie", clear.Ranked[0].Persona.Id);
    }

    [Fact]
    public void A_shared_concept_bridges_different_words()
    {
        // The sheet says "emballages" and "suremballage"; the customer speaks of cardboard and plastic.
        var result = new PersonaMatcher(Pack).Match("Cliente mécontente du carton énorme et du plastique autour de sa commande.");

        var lea = result.Ranked.Take(3).Single(r => r.Persona.Id == "lea");
        Assert.Contains(lea.Evidence, e => e.Words.Contains("carton") || e.Words.Contains("plastique"));
    }

    [Fact]
    public void Nothing_recognisable_gives_zero_confidence_everywhere()
    {
        var result = new PersonaMatcher(Pack).Match("zzz qqq");

        Assert.All(result.Ranked, r => Assert.Equal(0, r.Confidence));
        Assert.Null(result.DiscriminatingQuestion);
    }

    [Theory]
    [InlineData("retraité", "retraite")]
    [InlineData("Familles", "famille")]
    [InlineData("réparation", "réparer")]
    [InlineData("Greenwashing", "greenwashing")]
    public void Inflections_share_a_stem(string a, string b) =>
        Assert.Equal(TextAnalyzer.Terms(a), TextAnalyzer.Terms(b));

    [Fact]
    public void Function_words_are_dropped_in_french_and_english() =>
        Assert.Equal(TextAnalyzer.Terms("plongée expert"), TextAnalyzer.Terms("Il est dans la plongée, the expert"));

    [Fact]
    public void Evidence_shows_the_words_as_typed()
    {
        var bernard = new PersonaMatcher(Pack).Match("Retraité, il Appelle le magasin avant de venir et commande par Téléphone.").Ranked[0];

        var shown = bernard.Evidence.SelectMany(e => e.Words).ToList();
        Assert.Equal("bernard", bernard.Persona.Id);
        Assert.Contains("Téléphone", shown);
        Assert.Contains("Retraité", shown);
        Assert.DoesNotContain(shown, w => w is "telephone" or "retraite" or "retrait");
    }

    [Theory]
    [InlineData("Une mère avec deux enfants et trois sacs à dos", "deux", "trois")]
    [InlineData("A mother with two children and three backpacks", "two", "three")]
    public void Numbers_are_not_evidence(string description, string first, string second)
    {
        var shown = new PersonaMatcher(Pack).Match(description).Ranked.Take(3).SelectMany(r => r.Evidence).SelectMany(e => e.Words).ToList();

        Assert.DoesNotContain(shown, w => TextAnalyzer.Fold(w) == first || TextAnalyzer.Fold(w) == second);
    }

    [Fact]
    public void A_word_every_persona_shares_is_not_evidence()
    {
        // "Vélo" is in every sheet of this bike shop's pack: it is the shop's subject, not a clue to one persona.
        var pack = PackReader.Parse(
            """
            pack: bike-shop
            organization: Bike shop
            language: fr
            personas:
              - id: eva
                name: Eva
                tagline: "Étudiante qui va en cours à vélo"
                profile: "21 ans, étudiante, achète un vélo d'occasion pour aller en cours"
                values: ["Petit budget"]
                irritants: ["Les réparations de vélo trop chères"]
              - id: marc
                name: Marc
                tagline: "Cycliste sportif qui roule à vélo le dimanche"
                profile: "45 ans, cadre, vélo de course en carbone"
                values: ["Performance"]
                irritants: ["Un vendeur de vélo qui ne connaît pas le carbone"]
            """,
            "bike-shop.yaml").Pack;

        var eva = new PersonaMatcher(pack).Match("Une étudiante qui cherche un vélo pas cher pour aller en cours").Ranked[0];

        var shown = eva.Evidence.SelectMany(e => e.Words).ToList();
        Assert.Equal("eva", eva.Persona.Id);
        Assert.Contains("étudiante", shown);
        Assert.DoesNotContain(shown, w => TextAnalyzer.Fold(w) == "velo");
    }
}
