using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Tests.Bot;

/// <summary>Command words and question patterns come from the language files; routes keep their language-free names.</summary>
public class CommandWordsTests
{
    private readonly List<(string Route, string Arguments)> _ran = [];

    private static LanguageWords Words(Dictionary<string, IReadOnlyList<string>> commands, Dictionary<string, IReadOnlyList<string>>? questions = null) =>
        new(commands, questions ?? []);

    private static StringTable Strings() => new(
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["en"] = new Dictionary<string, string>(),
            ["fr"] = new Dictionary<string, string>(),
            ["de"] = new Dictionary<string, string>(),
        },
        new Dictionary<string, LanguageWords>
        {
            ["en"] = Words(
                new() { ["quiz"] = ["quiz", "persona quiz"], ["quiz-start"] = ["start", "play"], ["quiz-stop"] = ["stop"], ["map"] = ["map"] },
                new() { ["talk"] = [@"^how do i talk to (?<args>.+?)$"] }),
            ["fr"] = Words(
                new() { ["quiz"] = ["quiz", "jeu"], ["quiz-start"] = ["démarrer"], ["quiz-stop"] = ["arrêter"], ["map"] = ["carte"] },
                new() { ["talk"] = [@"^comment parler a (?<args>.+?)$"] }),
            ["de"] = Words(
                new() { ["quiz"] = ["quiz"], ["quiz-start"] = ["starten"], ["quiz-stop"] = ["halt"], ["map"] = ["karte", "quiz stop"] },
                new() { ["talk"] = [@"^wie spreche ich mit (?<args>.+?)$"] }),
        });

    private BotRouter Router(StringTable strings) => new BotRouteBuilder()
        .MapCommand("quiz", Record("quiz"))
        .MapSubCommand("quiz", "quiz-start", Record("quiz-start"))
        .MapSubCommand("quiz", "quiz-stop", Record("quiz-stop"))
        .MapCommand("map", Record("map"))
        .MapQuestion("talk", Record("talk"))
        .OnUnmatchedMessage("fallback", Record("fallback"))
        .Build(strings);

    private TurnHandler Record(string name) => (context, _) =>
    {
        _ran.Add((name, context.CommandArguments));
        return Task.CompletedTask;
    };

    private static TurnContext Message(string text, string language, StringTable strings)
    {
        var reference = new ConversationReference(new ConversationKey(Platforms.Teams, "t", "c"), ConversationKind.Channel, null, null, null, null, null, DateTimeOffset.UnixEpoch);
        var turn = new Turn { Kind = TurnKind.Message, Conversation = reference, Culture = CultureInfo.GetCultureInfo(language), Text = text };
        return new TurnContext(turn, Mock.Of<ITurnChannel>(), strings, new ServiceCollection().BuildServiceProvider());
    }

    [Theory]
    [InlineData("quiz", "en", "quiz", "")]
    [InlineData("Persona Quiz PLAY 5 30", "en", "quiz-start", "5 30")]
    [InlineData("jeu démarrer 3", "fr", "quiz-start", "3")]
    [InlineData("JEU DEMARRER 3", "en", "quiz-start", "3")]
    [InlineData("quiz starten 2 10", "de", "quiz-start", "2 10")]
    [InlineData("jeu arrêter", "fr", "quiz-stop", "")]
    [InlineData("quiz nonsense", "en", "quiz", "nonsense")]
    [InlineData("carte", "en", "map", "")]
    [InlineData("How do I talk to Léa", "en", "talk", "lea")]
    [InlineData("wie spreche ich mit Léa", "fr", "talk", "lea")]
    public async Task Words_of_every_language_reach_their_route(string text, string language, string route, string arguments)
    {
        var strings = Strings();

        Assert.Equal([route], await Router(strings).DispatchAsync(Message(text, language, strings), CancellationToken.None));
        Assert.Equal([(route, arguments)], _ran);
    }

    private static TurnContext Click(string verb, string arguments, StringTable strings)
    {
        var reference = new ConversationReference(new ConversationKey(Platforms.Teams, "t", "c"), ConversationKind.Channel, null, null, null, null, null, DateTimeOffset.UnixEpoch);
        var turn = new Turn
        {
            Kind = TurnKind.Action,
            Conversation = reference,
            Culture = CultureInfo.GetCultureInfo("en"),
            ActionVerb = verb,
            ActionData = new System.Text.Json.Nodes.JsonObject { ["verb"] = verb, ["args"] = arguments },
        };
        return new TurnContext(turn, Mock.Of<ITurnChannel>(), strings, new ServiceCollection().BuildServiceProvider());
    }

    [Theory]
    [InlineData("quiz", "stop", "quiz-stop", "")]
    [InlineData("quiz", "play 3", "quiz-start", "3")]
    [InlineData("quiz", "nonsense", "quiz", "nonsense")]
    [InlineData("quiz-start", "", "quiz-start", "")]
    public async Task A_button_naming_a_command_and_a_sub_command_in_its_arguments_runs_the_sub_command(string verb, string arguments, string route, string rest)
    {
        // Cards posted before sub-commands were routes (the onboarding card's "onboarding" + "pause") keep working.
        var strings = Strings();

        Assert.Equal([route], await Router(strings).DispatchAsync(Click(verb, arguments, strings), CancellationToken.None));
        Assert.Equal([(route, rest)], _ran);
    }

    [Fact]
    public async Task A_buttons_arguments_never_reach_another_commands_words()
    {
        // "persona" + "quiz" reads as the quiz's words "persona quiz": a persona whose id is "quiz" opens its sheet all the same.
        var strings = new StringTable(
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["en"] = new Dictionary<string, string>() },
            new Dictionary<string, LanguageWords> { ["en"] = Words(new() { ["persona"] = ["persona"], ["quiz"] = ["quiz", "persona quiz"] }) });
        var router = new BotRouteBuilder().MapCommand("persona", Record("persona")).MapCommand("quiz", Record("quiz")).Build(strings);

        Assert.Equal(["persona"], await router.DispatchAsync(Click("persona", "quiz", strings), CancellationToken.None));
        Assert.Equal([("persona", "quiz")], _ran);
    }

    [Fact]
    public async Task Words_that_mean_two_routes_in_two_languages_mean_the_one_of_the_users_language()
    {
        var strings = Strings();
        var router = Router(strings);

        await router.DispatchAsync(Message("quiz stop", "de", strings), CancellationToken.None);
        await router.DispatchAsync(Message("quiz stop", "en", strings), CancellationToken.None);

        Assert.Equal(["map", "quiz-stop"], _ran.Select(r => r.Route));
    }

    [Fact]
    public void A_sub_command_word_is_its_commands_word_then_its_own_in_the_same_language()
    {
        var words = Router(Strings()).CommandWords("fr").Where(w => w.Route == "quiz-start").Select(w => w.Words).Order(StringComparer.Ordinal);

        Assert.Equal(["jeu demarrer", "quiz demarrer"], words);
    }

    [Fact]
    public void A_word_for_two_routes_in_one_language_is_refused()
    {
        var strings = new StringTable(
            new Dictionary<string, IReadOnlyDictionary<string, string>> { ["en"] = new Dictionary<string, string>() },
            new Dictionary<string, LanguageWords> { ["en"] = Words(new() { ["help"] = ["help"], ["about"] = ["about", "Hélp"] }) });
        var routes = new BotRouteBuilder().MapCommand("help", Record("help")).MapCommand("about", Record("about"));

        var error = Assert.Throws<InvalidOperationException>(() => routes.Build(strings));
        Assert.Contains("'help' (en)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_without_words_or_a_sub_command_without_its_command_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new BotRouteBuilder().MapCommand("nothing", Record("nothing")).Build(Strings()));
        Assert.Throws<InvalidOperationException>(() => new BotRouteBuilder().MapSubCommand("quiz", "quiz-start", Record("quiz-start")));
        Assert.Throws<InvalidOperationException>(() => new BotRouteBuilder().MapQuestion("unasked", Record("unasked")).Build(Strings()));
    }
}
