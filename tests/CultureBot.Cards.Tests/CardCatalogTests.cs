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

    [Fact]
    public void A_catalog_without_english_strings_is_refused()
    {
        Write("strings/fr.json", "{}");

        var error = Assert.Throws<CardCatalogException>(() => CardCatalog.Load(_directory));

        Assert.Contains("en.json", error.Message, StringComparison.Ordinal);
    }
}
