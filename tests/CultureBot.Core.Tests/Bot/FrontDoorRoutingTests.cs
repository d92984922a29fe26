using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Tests.Bot;

/// <summary>
/// The router's rules for what people type first: small talk from the language files, punctuation answered, the turn
/// answered in the language of the words typed, and the command a typo nearly is.
/// </summary>
public class FrontDoorRoutingTests
{
    private readonly List<(string Route, string Language)> _ran = [];

    private static readonly StringTable Strings = new(
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["en"] = new Dictionary<string, string>(),
            ["fr"] = new Dictionary<string, string>(),
        },
        new Dictionary<string, LanguageWords>
        {
            ["en"] = new(
                new Dictionary<string, IReadOnlyList<string>> { ["help"] = ["help"], ["quiz"] = ["quiz"], ["quiz-start"] = ["start"], ["personas"] = ["personas"], ["about"] = ["about"] },
                new Dictionary<string, IReadOnlyList<string>> { ["week"] = ["^who is the persona of the week$"] })
            {
                SmallTalk = new Dictionary<string, IReadOnlyList<string>> { ["greeting"] = ["hello", "hi"], ["thanks"] = ["thanks", "thank you"] },
            },
            ["fr"] = new(
                new Dictionary<string, IReadOnlyList<string>> { ["help"] = ["aide"], ["quiz"] = ["quiz", "jeu"], ["quiz-start"] = ["démarrer"], ["personas"] = ["personas", "les personas"], ["about"] = ["à propos"] },
                new Dictionary<string, IReadOnlyList<string>> { ["week"] = ["^qui est le persona de la semaine$"] })
            {
                SmallTalk = new Dictionary<string, IReadOnlyList<string>> { ["greeting"] = ["bonjour"], ["thanks"] = ["merci"] },
            },
        });

    private BotRouter Router() => new BotRouteBuilder()
        .MapCommand("help", Record("help"))
        .MapCommand("quiz", Record("quiz"))
        .MapSubCommand("quiz", "quiz-start", Record("quiz-start"))
        .MapCommand("personas", Record("personas"))
        .MapCommand("about", Record("about"))
        .MapQuestion("week", Record("week"))
        .MapSmallTalk("greeting", Record("greeting"))
        .MapSmallTalk("thanks", Record("thanks"))
        .OnUnmatchedMessage("fallback", Record("fallback"))
        .Build(Strings);

    private TurnHandler Record(string name) => (context, _) =>
    {
        _ran.Add((name, context.Culture.TwoLetterISOLanguageName));
        return Task.CompletedTask;
    };

    private static TurnContext Message(string? text, string language) => new(
        new Turn
        {
            Kind = TurnKind.Message,
            Conversation = new ConversationReference(new ConversationKey(Platforms.Teams, "t", "c"), ConversationKind.Personal, null, null, null, null, null, DateTimeOffset.UnixEpoch),
            Culture = CultureInfo.GetCultureInfo(language),
            Text = text,
        },
        Mock.Of<ITurnChannel>(),
        Strings,
        new ServiceCollection().BuildServiceProvider());

    [Theory]
    [InlineData("hello", "en", "greeting", "en")]
    [InlineData("Hi!", "en", "greeting", "en")]
    [InlineData("Thank you.", "en", "thanks", "en")]
    [InlineData("Bonjour !", "fr", "greeting", "fr")]
    [InlineData("bonjour", "en", "greeting", "fr")]
    [InlineData("merci", "en", "thanks", "fr")]
    [InlineData("hello", "fr", "greeting", "en")]
    [InlineData("hello camille", "en", "fallback", "en")]
    public async Task Greetings_and_thanks_are_whole_messages_answered_in_their_language(string text, string client, string route, string answeredIn)
    {
        await Router().DispatchAsync(Message(text, client), CancellationToken.None);

        Assert.Equal([(route, answeredIn)], _ran);
    }

    [Theory]
    [InlineData("aide", "en", "help", "fr")]
    [InlineData("les personas", "en", "personas", "fr")]
    [InlineData("help", "fr", "help", "en")]
    [InlineData("personas", "en", "personas", "en")]
    [InlineData("personas", "fr", "personas", "fr")]
    [InlineData("quiz", "fr", "quiz", "fr")]
    [InlineData("jeu démarrer", "en", "quiz-start", "fr")]
    [InlineData("quiz start", "fr", "quiz-start", "en")]
    [InlineData("qui est le persona de la semaine ?", "en", "week", "fr")]
    [InlineData("who is the persona of the week?", "en", "week", "en")]
    [InlineData("aide", "de", "help", "fr")]
    public async Task The_turn_is_answered_in_the_language_of_the_words_when_they_are_not_the_clients(string text, string client, string route, string answeredIn)
    {
        await Router().DispatchAsync(Message(text, client), CancellationToken.None);

        Assert.Equal([(route, answeredIn)], _ran);
    }

    [Theory]
    [InlineData("???")]
    [InlineData("...")]
    [InlineData("!")]
    public async Task Punctuation_alone_is_answered_by_the_unmatched_route(string text)
    {
        Assert.Equal(["fallback"], await Router().DispatchAsync(Message(text, "en"), CancellationToken.None));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_message_a_bare_mention_or_an_attachment_alone_is_dropped(string? text)
    {
        Assert.Empty(await Router().DispatchAsync(Message(text, "en"), CancellationToken.None));
    }

    [Theory]
    [InlineData("hlep", "en", "help", "help", "en")]
    [InlineData("HEPL", "en", "help", "help", "en")]
    [InlineData("quizz", "en", "quiz", "quiz", "en")]
    [InlineData("aidde", "en", "help", "aide", "fr")]
    [InlineData("aidde", "fr", "help", "aide", "fr")]
    [InlineData("personnas", "fr", "personas", "personas", "fr")]
    [InlineData("qiuz start 3", "en", "quiz-start", "quiz start 3", "en")]
    [InlineData("a porpos", "en", "about", "à propos", "fr")]
    [InlineData("hlep Me", "en", "help", "help Me", "en")]
    public void A_near_miss_suggests_the_command_in_the_language_of_its_words(string text, string client, string route, string words, string language)
    {
        Assert.Equal(new CommandSuggestion(route, words, language), Router().Suggest(text, client));
    }

    [Theory]
    [InlineData("he")]
    [InlineData("xyzzy")]
    [InlineData("hello")]
    [InlineData("help")]
    [InlineData("helicopter")]
    [InlineData("???")]
    public void Far_from_every_command_or_exactly_one_suggests_nothing(string text)
    {
        Assert.Null(Router().Suggest(text, "en"));
    }

    [Fact]
    public void A_small_talk_route_without_phrases_is_refused_at_start()
    {
        var builder = new BotRouteBuilder().MapSmallTalk("farewell", Record("farewell"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.Build(Strings));

        Assert.Contains("smallTalk.farewell", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hlep", "help", 1)]
    [InlineData("quizz", "quiz", 1)]
    [InlineData("camile", "camille", 1)]
    [InlineData("help", "help", 0)]
    [InlineData("comitee", "committee", 2)]
    [InlineData("abc", "", 3)]
    [InlineData("ca", "abc", 3)]
    public void Edit_distance_counts_a_swap_as_one_slip(string a, string b, int slips)
    {
        Assert.Equal(slips, TextMatching.EditDistance(a, b));
        Assert.Equal(slips, TextMatching.EditDistance(b, a));
    }
}
