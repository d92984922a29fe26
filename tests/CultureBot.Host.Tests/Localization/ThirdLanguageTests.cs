using System.Text.Json.Nodes;
using CultureBot.Host.Tests.Support;
using CultureBot.Testing;

namespace CultureBot.Host.Tests.Localization;

/// <summary>
/// A third language is a language file, not code: the shipped cards folder copied with a <c>de.json</c> beside
/// <c>en.json</c> and <c>fr.json</c>, and the real host answers German words in German.
/// </summary>
public sealed class ThirdLanguageTests : IDisposable
{
    private const string German = """
        {
          "commands": {
            "help": ["hilfe", "befehle"],
            "about": ["über"],
            "committee": ["ausschuss"],
            "committee-create": ["gründen", "erstellen"]
          },
          "helpTitle": "Die Befehle von CultureBot",
          "cmdHelpDescription": "Die Befehle auflisten.",
          "cmdCommitteeDescription": "Der Kundenausschuss dieses Kanals.",
          "aboutTitle": "Über CultureBot",
          "committeeCreated": "Ausschuss **{0}** gegründet, Zeiten in {1}."
        }
        """;

    private readonly string _cards = Path.Combine(Path.GetTempPath(), "culturebot-cards-" + Guid.NewGuid().ToString("N"));
    private readonly FakeConnector _connector = new();
    private readonly BotHostFactory _host;

    public ThirdLanguageTests()
    {
        Copy(Path.Combine(PeerTools.RepoRoot, "cards"), _cards);
        File.WriteAllText(Path.Combine(_cards, "strings", "de.json"), German);
        _host = new BotHostFactory(new Dictionary<string, string?> { ["Cards:Path"] = _cards });
    }

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
        Directory.Delete(_cards, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    /// <summary>Every text of a card (its JSON escapes accents).</summary>
    private static List<string> Texts(JsonNode? node) => node switch
    {
        JsonObject o => [.. o.SelectMany(p => Texts(p.Value))],
        JsonArray a => [.. a.SelectMany(Texts)],
        JsonValue v when v.TryGetValue<string>(out var text) => [text],
        _ => [],
    };

    private string LastText() => _connector.Calls[^1].Body?["text"]?.GetValue<string>() ?? string.Empty;

    [Fact]
    public async Task German_words_reach_their_commands_and_help_lists_them_in_german()
    {
        var client = _host.CreateClient();

        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "Hilfe", locale: "de-DE"));
        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "über", locale: "de-DE"));
        var inChannel = Activities.Message(_connector.ServiceUrl, "ausschuss gründen Kundenrat", locale: "de-DE");
        inChannel["conversation"]!["conversationType"] = "channel"; // committees live in channels
        await Activities.PostAsync(client, inChannel);

        var help = Texts(_connector.Cards[0]);
        Assert.Contains("Die Befehle von CultureBot", help);
        Assert.Contains("Die Befehle auflisten.", help);
        Assert.Contains("hilfe", help);
        Assert.Contains("ausschuss", help);
        Assert.Contains("Der Kundenausschuss dieses Kanals.", help);
        Assert.Contains("Über CultureBot", Texts(_connector.Cards[1]));
        Assert.Contains("Ausschuss **Kundenrat** gegründet", LastText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task German_words_work_for_everyone_in_german_and_english_stays_the_fallback()
    {
        var client = _host.CreateClient();

        // Words only German has are answered in German, whatever the client; English words from a German client, in English.
        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "befehle", locale: "en-US"));
        await Activities.PostAsync(client, Activities.Message(_connector.ServiceUrl, "help", locale: "de-AT"));

        var german = Texts(_connector.Cards[0]);
        Assert.Contains("Die Befehle von CultureBot", german);
        Assert.Contains("List our customer personas.", german); // no German description yet: English
        Assert.Contains("CultureBot commands", Texts(_connector.Cards[1]));
    }

    [Fact]
    public void The_copy_has_three_language_files() =>
        Assert.Equal(["de.json", "en.json", "fr.json"], Directory.GetFiles(Path.Combine(_cards, "strings")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
}
