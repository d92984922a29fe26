using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Tests.Bot;

public class BotRouterTests
{
    private readonly List<string> _ran = [];
    private string? _arguments;

    private BotRouter Router() => new BotRouteBuilder()
        .MapCommand("help", ["aide"], Record("help"))
        .MapCommand("about", ["à propos"], Record("about"))
        .MapCommand("quiz", [], Record("quiz"))
        .MapCommand("quiz-start", ["quiz start"], Record("quiz-start"))
        .MapAction("answer", Record("answer"))
        .OnConversationStarted("welcome", Record("welcome"))
        .OnMembersAdded("onboard", Record("onboard"))
        .OnEvent("test/clock", Record("clock"))
        .OnUnmatchedMessage("fallback", Record("fallback"))
        .Build();

    private TurnHandler Record(string name) => (context, _) =>
    {
        _ran.Add(name);
        _arguments = context.CommandArguments;
        return Task.CompletedTask;
    };

    private static TurnContext Context(TurnKind kind, string? text = null, string? verb = null, JsonObject? data = null)
    {
        var reference = new ConversationReference(new ConversationKey(Platforms.Teams, "t", "c"), ConversationKind.Personal, null, null, null, null, null, DateTimeOffset.UnixEpoch);
        var turn = new Turn { Kind = kind, Conversation = reference, Culture = CultureInfo.InvariantCulture, Text = text, ActionVerb = verb, ActionData = data };
        var strings = new StringTable(new Dictionary<string, IReadOnlyDictionary<string, string>> { ["en"] = new Dictionary<string, string>() });
        return new TurnContext(turn, Mock.Of<ITurnChannel>(), strings, new ServiceCollection().BuildServiceProvider());
    }

    [Theory]
    [InlineData("help", "help")]
    [InlineData("HELP", "help")]
    [InlineData("  Aide !", "help")]
    [InlineData("à propos", "about")]
    [InlineData("A PROPOS", "about")]
    [InlineData("quiz", "quiz")]
    [InlineData("quiz start 5 30", "quiz-start")]
    [InlineData("quiz   START", "quiz-start")]
    [InlineData("helpless", "fallback")]
    [InlineData("which persona is a customer who compares prices", "fallback")]
    public async Task Messages_route_by_folded_command_words(string text, string expected)
    {
        var routes = await Router().DispatchAsync(Context(TurnKind.Message, text), CancellationToken.None);

        Assert.Equal([expected], routes);
        Assert.Equal([expected], _ran);
    }

    [Fact]
    public async Task Arguments_keep_the_users_spelling()
    {
        await Router().DispatchAsync(Context(TurnKind.Message, "Quiz start  Éloïse 30"), CancellationToken.None);

        Assert.Equal("Éloïse 30", _arguments);
    }

    [Theory]
    [InlineData("quiz start: Éloïse 30")]
    [InlineData("quiz start : Éloïse 30")]
    [InlineData("quiz, start, Éloïse 30")]
    public async Task Punctuation_after_command_words_stays_out_of_the_arguments(string text)
    {
        await Router().DispatchAsync(Context(TurnKind.Message, text), CancellationToken.None);

        Assert.Equal(["quiz-start"], _ran);
        Assert.Equal("Éloïse 30", _arguments);
    }

    [Fact]
    public async Task An_action_runs_its_route_and_a_command_verb_runs_the_command()
    {
        await Router().DispatchAsync(Context(TurnKind.Action, verb: "answer"), CancellationToken.None);
        await Router().DispatchAsync(Context(TurnKind.Action, verb: "about", data: new JsonObject { ["args"] = "x" }), CancellationToken.None);

        Assert.Equal(["answer", "about"], _ran);
        Assert.Equal("x", _arguments);
    }

    [Fact]
    public async Task Non_text_button_arguments_are_read_not_thrown_on()
    {
        await Router().DispatchAsync(Context(TurnKind.Action, verb: "about", data: new JsonObject { ["args"] = 42 }), CancellationToken.None);

        Assert.Equal(["about"], _ran);
        Assert.Equal("42", _arguments);
    }

    [Fact]
    public async Task Unknown_actions_and_other_events_run_nothing()
    {
        Assert.Empty(await Router().DispatchAsync(Context(TurnKind.Action, verb: "nope"), CancellationToken.None));
        Assert.Empty(await Router().DispatchAsync(Context(TurnKind.Other), CancellationToken.None));
        Assert.Empty(await Router().DispatchAsync(Context(TurnKind.Message, "   "), CancellationToken.None));
    }

    [Fact]
    public async Task Named_events_reach_their_route_and_others_run_nothing()
    {
        var clock = Context(TurnKind.Event);
        var other = Context(TurnKind.Event);
        Assert.Equal(["event:test/clock"], await Router().DispatchAsync(new TurnContext(clock.Turn with { EventName = "test/clock" }, clock.Channel, clock.Strings, clock.Services), CancellationToken.None));
        Assert.Empty(await Router().DispatchAsync(new TurnContext(other.Turn with { EventName = "custom/ping" }, other.Channel, other.Strings, other.Services), CancellationToken.None));
        Assert.Equal(["clock"], _ran);
    }

    [Fact]
    public async Task Lifecycle_events_reach_their_routes()
    {
        await Router().DispatchAsync(Context(TurnKind.ConversationStarted), CancellationToken.None);
        await Router().DispatchAsync(Context(TurnKind.MembersAdded), CancellationToken.None);

        Assert.Equal(["welcome", "onboard"], _ran);
    }

    [Fact]
    public void A_command_word_registered_twice_is_refused()
    {
        var builder = new BotRouteBuilder().MapCommand("help", ["aide"], Record("a"));

        var error = Assert.Throws<InvalidOperationException>(() => builder.MapCommand("assist", ["Aidé"], Record("b")));
        Assert.Contains("aide", error.Message, StringComparison.Ordinal);
    }
}
