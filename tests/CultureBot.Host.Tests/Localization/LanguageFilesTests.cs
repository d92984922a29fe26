using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Features;
using CultureBot.Core.Localization;
using CultureBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Localization;

/// <summary>The shipped language files give every route its words, and no word two routes.</summary>
public class LanguageFilesTests
{
    private static readonly StringTable Strings = CardCatalog.Load(Path.Combine(PeerTools.RepoRoot, "cards")).Strings;

    private static readonly BotRouter Router =
        new ServiceCollection().AddSingleton(Strings).AddCultureBotFeatures().BuildServiceProvider().GetRequiredService<BotRouter>();

    public static TheoryData<string> Languages() => [.. Strings.Languages];

    [Fact]
    public void English_and_french_are_shipped() => Assert.Equal(["en", "fr"], Strings.Languages);

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_command_and_question_has_words_in_every_shipped_language(string language)
    {
        var commandsWithoutWords = Router.CommandNames.Except(Router.CommandWords(language).Select(w => w.Route));
        var questionsWithoutPatterns = Router.QuestionNames.Where(name => Strings.Words(language).QuestionPatterns(name).Count == 0).ToList();

        Assert.Empty(commandsWithoutWords);
        Assert.Empty(questionsWithoutPatterns);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void No_words_run_two_routes_in_one_language(string language)
    {
        var shared = Router.CommandWords(language)
            .GroupBy(w => w.Words, StringComparer.Ordinal)
            .Where(g => g.Select(w => w.Route).Distinct(StringComparer.Ordinal).Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(w => w.Route))}");

        Assert.Empty(shared);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void The_language_files_name_only_routes_that_exist(string language)
    {
        var words = Strings.Words(language);

        Assert.Empty(words.Commands.Keys.Except(Router.CommandNames));
        Assert.Empty(words.Questions.Keys.Except(Router.QuestionNames));
        Assert.Empty(words.SmallTalk.Keys.Except(Router.SmallTalkNames));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_small_talk_has_phrases_in_every_shipped_language_and_none_is_a_command(string language)
    {
        var words = Strings.Words(language);
        var commandWords = Router.CommandWords(language).Select(w => w.Words).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(Router.SmallTalkNames);
        Assert.All(Router.SmallTalkNames, name => Assert.NotEmpty(words.SmallTalkPhrases(name)));
        var phrases = Router.SmallTalkNames.SelectMany(words.SmallTalkPhrases).Select(TextMatching.Fold).ToList();
        Assert.DoesNotContain(phrases, commandWords.Contains);
    }
}
