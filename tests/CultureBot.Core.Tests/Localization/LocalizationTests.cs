using CultureBot.Core.Localization;

namespace CultureBot.Core.Tests.Localization;

public class LocalizationTests
{
    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("fr-CA", "fr")]
    [InlineData("FR", "fr")]
    [InlineData("fr_BE", "fr")]
    [InlineData("en-US", "en")]
    [InlineData("de-DE", "de")]
    [InlineData("xx-YY", "en")]
    [InlineData(null, "en")]
    [InlineData("", "en")]
    [InlineData("!!", "en")]
    public void Resolve_maps_platform_locales_to_their_language(string? tag, string expected) =>
        Assert.Equal(expected, Locales.Resolve(tag).TwoLetterISOLanguageName);

    private static readonly StringTable Table = new(new Dictionary<string, IReadOnlyDictionary<string, string>>
    {
        ["en"] = new Dictionary<string, string> { ["hello"] = "Hello {0}", ["only"] = "English only" },
        ["fr"] = new Dictionary<string, string> { ["hello"] = "Bonjour {0}" },
    });

    [Fact]
    public void Strings_follow_the_locale_with_english_underneath()
    {
        Assert.Equal("Bonjour Léa", Table.Format("hello", Locales.French, "Léa"));
        Assert.Equal("English only", Table.Get("only", Locales.French));
        Assert.Equal("[missing]", Table.Get("missing", Locales.French));
        Assert.Equal("Bonjour {0}", Table.All(Locales.French)["hello"]);
        Assert.Equal("English only", Table.All(Locales.French)["only"]);
    }

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("de-DE", "en")]
    [InlineData("en-GB", "en")]
    public void Users_are_answered_in_their_language_when_there_is_a_file_for_it_else_in_english(string tag, string expected) =>
        Assert.Equal(expected, Table.Speak(Locales.Resolve(tag)).TwoLetterISOLanguageName);

    [Fact]
    public void A_table_without_english_is_refused() =>
        Assert.Throws<ArgumentException>(() => new StringTable(new Dictionary<string, IReadOnlyDictionary<string, string>> { ["fr"] = new Dictionary<string, string>() }));
}
