using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Testing;

namespace CultureBot.Cards.Tests;

public sealed class CardCatalogTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cards-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string CatalogDirectory => Path.Combine(PeerTools.RepoRoot, "cards");

    private void Write(string relative, string content)
    {
        var path = Path.Combine(_directory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [Fact]
    public void The_repository_catalog_loads_with_both_platforms_and_both_languages()
    {
        var catalog = CardCatalog.Load(CatalogDirectory);

        Assert.Equal(catalog.Names(Platforms.Teams), catalog.Names(Platforms.Slack));
        Assert.Contains("welcome", catalog.Names(Platforms.Teams));
        Assert.Equal(["en", "fr"], catalog.Strings.Languages.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_english_string_has_a_french_translation_and_no_extra_one()
    {
        var catalog = CardCatalog.Load(CatalogDirectory);

        Assert.Equal(catalog.Strings.Keys("en").Order(StringComparer.Ordinal), catalog.Strings.Keys("fr").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Rendering_injects_the_strings_of_the_users_language()
    {
        var catalog = CardCatalog.Load(CatalogDirectory);
        var data = JsonNode.Parse(File.ReadAllText(Path.Combine(CatalogDirectory, "samples", "help.json")))!.AsObject();

        var english = catalog.Render(Platforms.Teams, new CardContent("help", data), Locales.English).ToJsonString();
        var french = catalog.Render(Platforms.Teams, new CardContent("help", data), Locales.French).ToJsonString();

        Assert.Contains("CultureBot commands", english, StringComparison.Ordinal);
        Assert.Contains("Les commandes de CultureBot", french, StringComparison.Ordinal);
        Assert.DoesNotContain("${", english, StringComparison.Ordinal);
        Assert.DoesNotContain("${", french, StringComparison.Ordinal);
    }

    [Fact]
    public void A_template_without_its_twin_stops_the_load_naming_both_files()
    {
        Write("teams/only.json", """{"type":"AdaptiveCard","version":"1.5","body":[]}""");
        Write("strings/en.json", "{}");

        var error = Assert.Throws<CardCatalogException>(() => CardCatalog.Load(_directory));

        Assert.Contains(Path.Combine("teams", "only.json"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("slack", "only.json"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_stops_the_load_with_file_and_line()
    {
        Write("teams/bad.json", "{\n  \"type\": \"AdaptiveCard\",\n  \"body\": [ oops ]\n}");
        Write("slack/bad.json", "{}");
        Write("strings/en.json", "{}");

        var error = Assert.Throws<CardCatalogException>(() => CardCatalog.Load(_directory));

        Assert.Contains("bad.json: line 3", error.Message, StringComparison.Ordinal);
    }

    private void WriteTwins(string name, string teamsBody, string sample)
    {
        Write($"teams/{name}.json", "{\n  \"type\": \"AdaptiveCard\",\n  \"version\": \"1.5\",\n  \"body\": " + teamsBody + "\n}");
        Write($"slack/{name}.json", "{\"blocks\": []}");
        Write($"samples/{name}.json", sample);
        Write("strings/en.json", "{\"hello\": \"Hello\"}");
    }

    [Fact]
    public void A_binding_to_a_field_the_sample_lacks_stops_the_load_with_file_and_line()
    {
        WriteTwins("card", "[\n    { \"type\": \"TextBlock\", \"text\": \"${nmae}\" }\n  ]", "{\"name\": \"Ada\"}");

        var error = Assert.Throws<CardCatalogException>(() => CardCatalog.Load(_directory));

        Assert.Contains(Path.Combine("teams", "card.json") + ": line 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("nmae", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_ui_string_stops_the_load()
    {
        WriteTwins("card", "[{ \"type\": \"TextBlock\", \"text\": \"${t.helo}\" }]", "{}");

        var error = Assert.Throws<CardCatalogException>(() => CardCatalog.Load(_directory));

        Assert.Contains("'helo' is not in strings/en.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_fields_tested_with_exists_and_repeated_item_fields_are_accepted()
    {
        WriteTwins(
            "card",
            "[{ \"type\": \"TextBlock\", \"$when\": \"${exists(photo)}\", \"text\": \"${photo} ${t.hello}\" }, { \"type\": \"TextBlock\", \"$data\": \"${items}\", \"text\": \"${label} ${$root.name}\" }]",
            "{\"name\": \"Ada\", \"items\": []}");

        var catalog = CardCatalog.Load(_directory);

        Assert.Contains("card", catalog.Names(Platforms.Teams));
    }

    [Fact]
    public void A_card_without_sample_data_is_refused()
    {
        Write("teams/card.json", "{\"type\":\"AdaptiveCard\",\"version\":\"1.5\",\"body\":[]}");
        Write("slack/card.json", "{\"blocks\": []}");
        Write("strings/en.json", "{}");

        var error = Assert.Throws<CardCatalogException>(() => CardCatalog.Load(_directory));

        Assert.Contains("no sample data", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_without_english_strings_is_refused()
    {
        Write("strings/fr.json", "{}");

        var error = Assert.Throws<CardCatalogException>(() => CardCatalog.Load(_directory));

        Assert.Contains("en.json", error.Message, StringComparison.Ordinal);
    }
}
