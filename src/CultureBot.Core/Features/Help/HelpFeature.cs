using System.Reflection;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;

namespace CultureBot.Core.Features.Help;

/// <summary>Help, about, the welcome card sent once per conversation, and the answer to what no route understood.</summary>
public sealed class HelpFeature(BotRouter router, IConversationStore conversations, TimeProvider clock)
{
    /// <summary>Card names in the catalog.</summary>
    public static class Cards
    {
        public const string Welcome = "welcome";
        public const string Help = "help";
        public const string About = "about";
    }

    public static void Map(FeatureRoutes<HelpFeature> routes) => routes
        .MapCommand("help", help => help.ShowHelpAsync)
        .MapCommand("about", help => help.ShowAboutAsync)
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
        var words = context.Strings.Words(context.Culture.TwoLetterISOLanguageName);
        var commands = new JsonArray();
        foreach (var name in router.CommandNames)
        {
            var description = context.Strings.Get($"cmd{Pascal(name)}Description", context.Culture);
            if (description.StartsWith('['))
            {
                continue;
            }

            var usageKey = $"cmd{Pascal(name)}Usage";
            commands.Add(new JsonObject
            {
                ["usage"] = context.Strings.Own(usageKey, context.Culture) ?? (words.CommandWords(name) is [var first, ..] ? first : null) ?? context.Strings.Get(usageKey, context.Culture),
                ["description"] = description,
            });
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

    /// <summary><c>add-verbatim</c> → <c>AddVerbatim</c>: the string-table key part of a command name.</summary>
    private static string Pascal(string name) =>
        string.Concat(name.Split('-', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The answer to a message nothing understood: say so, and point to help.</summary>
    public static Task NotUnderstoodAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.SendAsync(
            BotMessage.FromText(context.Strings.Format("notUnderstood", context.Culture, context.Turn.Text?.Trim() ?? string.Empty)),
            cancellationToken);
    }
}
