using System.Text;
using CultureBot.Content.Verbatims;

namespace CultureBot.Content.Tests;

/// <summary>The language of a verbatim file's lines: the language column, else --language, else the file name, else the words, else refused.</summary>
public class VerbatimLanguageTests
{
    private static readonly string[] FrenchSentences =
    [
        "Le vélo était prêt le lendemain, comme promis ; bravo à l'atelier.",
        "Dix jours pour changer une chambre à air, c'est trop long quand on n'a que son vélo pour aller au travail.",
        "J'ai commandé en ligne et personne ne m'a prévenue que le magasin était fermé le lundi.",
    ];

    private static readonly string[] EnglishSentences =
    [
        "My bike is my car: if it is in the workshop, I need it back tomorrow.",
        "Ten days to change an inner tube means ten days on the bus.",
        "The child seat was not compatible and nobody had told us.",
    ];

    [Fact]
    public void Real_french_and_english_sentences_are_told_apart_by_their_common_words()
    {
        var french = StopWordDetector.Detect(FrenchSentences);
        var english = StopWordDetector.Detect(EnglishSentences);

        Assert.Equal("fr", french.Language);
        Assert.True(french.French > 10 && french.English == 0, $"{french}");
        Assert.Equal("en", english.Language);
        Assert.True(english.English > 8 && english.French == 0, $"{english}");
    }

    [Theory]
    [InlineData("Le magasin est fermé le lundi.", "fr")] // le, est, le
    [InlineData("The shop is closed on Mondays and nobody told us.", "en")]
    [InlineData("Vélo OK, merci !", null)] // too few common words to tell
    [InlineData("Super service. Great service.", null)] // no common word either way
    public void One_line_is_told_only_when_its_words_are_clear(string text, string? expected) =>
        Assert.Equal(expected, StopWordDetector.Detect([text]).Language);

    [Fact]
    public void A_file_half_french_half_english_is_not_guessed()
    {
        var (language, french, english) = StopWordDetector.Detect([FrenchSentences[1], EnglishSentences[0]]); // ten common words each

        Assert.Null(language);
        Assert.True(french > 0 && english > 0);
    }

    [Fact]
    public void The_choice_is_the_given_language_then_the_file_name_then_the_words()
    {
        Assert.Equal(new LanguageChoice("de", "given with --language"), VerbatimLanguage.Choose("DE-at", "retours.en.csv", EnglishSentences));
        Assert.Equal(new LanguageChoice("en", "from the file name retours.en.csv"), VerbatimLanguage.Choose(null, "retours.en.csv", FrenchSentences));
        var detected = VerbatimLanguage.Choose(null, "export.csv", EnglishSentences);
        Assert.Equal("en", detected.Language);
        Assert.StartsWith("detected from the words (0 French and ", detected.Reason, StringComparison.Ordinal);
        Assert.Null(VerbatimLanguage.Choose(null, "export-2026.csv", ["OK", "Top"]).Language);
        Assert.Null(VerbatimLanguage.FromFileName("retours.clients.csv")); // 'clients' is no language tag
    }

    [Fact]
    public void The_reader_keeps_each_lines_language_column_and_gives_the_others_the_files()
    {
        const string csv = "text,language\nThe shop was closed and nobody told us.,\nLe magasin était fermé et personne ne nous l'a dit.,fr\nWe waited for the bike for two weeks.,\n";

        var read = VerbatimCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "export.csv", null, null);

        Assert.Equal(["en", "fr", "en"], read.Verbatims.Select(v => v.Language));
        Assert.Equal("en", read.Language!.Language);
        Assert.Empty(read.Errors);
    }

    [Fact]
    public void Lines_whose_language_cannot_be_told_are_refused_and_counted_not_stored_as_french()
    {
        const string csv = "text,language\nTop !,\nSuper.,\nParfait et rapide.,fr\n";

        var read = VerbatimCsvReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "notes.csv", null, null);

        Assert.Equal(["Parfait et rapide."], read.Verbatims.Select(v => v.Text));
        var error = Assert.Single(read.Errors);
        Assert.StartsWith("notes.csv:1: language: 2 lines without a language cell not imported: cannot tell from the words", error.ToString(), StringComparison.Ordinal);
    }
}
