using System.Reflection;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Features.Help;

/// <summary>
/// Help, about, the welcome card sent once per conversation, and the answer to what no route understood: the command
/// nearly typed ("did you mean **help**?"), else what the bot can do.
/// </summary>
public sealed class HelpFeature(BotRouter router, IConversationStore conversations, TimeProvider clock)
{
    /// <summary>Card names in the catalog.</summary>
    public static class Cards
    {
        public const string Welcome = "welcome";
        public const string Help = "help";
        public const string About = "about";
        public const string Suggestions = "suggestions";
    }

    /// <summary>The button of "did you mean …?": it sends the words it shows, as if typed.</summary>
    public const string DidYouMeanVerb = "did-you-mean";

    /// <summary>What a newcomer needs first, offered when nothing was understood: meet the personas, find one, and the rest.</summary>
    public static readonly IReadOnlyList<string> FirstCommands = ["personas", "finder", "help"];

    public static void Map(FeatureRoutes<HelpFeature> routes) => routes
        .MapCommand("help", help => help.ShowHelpAsync)
        .MapCommand("about", help => help.ShowAboutAsync)
        .MapAction(DidYouMeanVerb, help => help.RunSuggestionAsync)
        .OnConversationStarted("welcome", help => help.WelcomeOnceAsync);

    public static string Version { get; } =
        typeof(HelpFeature).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    /// <summary>
    /// Every command the router knows that the language files describe (<c>cmd{Name}Description</c>: sub-commands and
    /// internal commands are not described), with its usage in the user's language, else its first word in that language.
    /// </summary>
    private async Task ShowHelpAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var commands = new JsonArray();
        foreach (var name in router.CommandNames)
        {
            if (Described(context, name) is { } command)
            {
                commands.Add(new JsonObject { ["usage"] = command.Usage, ["description"] = command.Description });
            }
        }

        var data = new JsonObject { ["commands"] = commands };
        await context.SendAsync(BotMessage.FromCard(Cards.Help, data, context.T("helpTitle")), cancellationToken);
    }

    private async Task ShowAboutAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["version"] = Version };
        await context.SendAsync(BotMessage.FromCard(Cards.About, data, context.T("aboutTitle")), cancellationToken);
    }

    private async Task WelcomeOnceAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (!await conversations.TryMarkWelcomedAsync(context.Turn.Conversation.Key, clock.GetUtcNow(), cancellationToken))
        {
            return;
        }

        var data = new JsonObject
        {
            ["userName"] = context.Turn.From?.Name ?? string.Empty,
            ["personal"] = context.Turn.Conversation.Kind == ConversationKind.Personal,
        };
        await context.SendAsync(BotMessage.FromCard(Cards.Welcome, data, context.T("welcomeTitle")), cancellationToken);
    }

    /// <summary>
    /// A command as help shows it, in the turn's language: its usage (<c>cmd{Name}Usage</c> of that language, else its
    /// first word in it) and its description (<c>cmd{Name}Description</c>); null for a command the language files do
    /// not describe (sub-commands, internal commands).
    /// </summary>
    private static (string Usage, string Description)? Described(TurnContext context, string name)
    {
        var description = context.Strings.Get($"cmd{Pascal(name)}Description", context.Culture);
        if (description.StartsWith('['))
        {
            return null;
        }

        var usageKey = $"cmd{Pascal(name)}Usage";
        var words = context.Strings.Words(context.Culture.TwoLetterISOLanguageName);
        return (context.Strings.Own(usageKey, context.Culture) ?? (words.CommandWords(name) is [var first, ..] ? first : null) ?? context.Strings.Get(usageKey, context.Culture), description);
    }

    /// <summary><c>add-verbatim</c> → <c>AddVerbatim</c>: the string-table key part of a command name.</summary>
    private static string Pascal(string name) =>
        string.Concat(name.Split('-', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>
    /// The answer to a message nothing understood (not a command, a question, small talk, a persona's name nor a
    /// customer description): the command it nearly is, with a button that runs it, in the language of that command's
    /// words (<see cref="BotRouter.Suggest"/>); else what the bot can do, the <see cref="FirstCommands"/> as buttons.
    /// </summary>
    public async Task NotUnderstoodAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (router.Suggest(context.Turn.Text, context.Culture.TwoLetterISOLanguageName) is { } suggestion)
        {
            context.AnswerIn(suggestion.Language);
            // Slack cuts a button's label at 75 characters; the button still sends every word.
            var words = PersonaCards.Cut(suggestion.Words, 75)!;
            var question = new JsonObject { ["words"] = words, ["args"] = PersonaCards.Cut(suggestion.Words, 1000), ["commands"] = new JsonArray() };
            await context.SendAsync(BotMessage.FromCard(Cards.Suggestions, question, context.Strings.Format("suggestDidYouMean", context.Culture, words)), cancellationToken);
            return;
        }

        var commands = new JsonArray();
        foreach (var name in FirstCommands.Intersect(router.CommandNames, StringComparer.Ordinal))
        {
            if (Described(context, name) is { } command)
            {
                commands.Add(new JsonObject { ["verb"] = name, ["title"] = command.Usage, ["description"] = command.Description });
            }
        }

        var data = new JsonObject { ["commands"] = commands };
        await context.SendAsync(BotMessage.FromCard(Cards.Suggestions, data, context.T("canDoTitle")), cancellationToken);
    }

    /// <summary>"Did you mean …?" clicked: its words run as if the person had typed them (in their language, with what followed).</summary>
    private async Task RunSuggestionAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (ActionValues.Text(context.Turn.ActionData?["args"]) is not { Length: > 0 } words)
        {
            return;
        }

        var typed = new TurnContext(context.Turn with { Kind = TurnKind.Message, Text = words }, context.Channel, context.Strings, context.Services);
        await router.DispatchAsync(typed, cancellationToken);
    }
}
