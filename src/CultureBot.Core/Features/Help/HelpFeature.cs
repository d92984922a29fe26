using System.Reflection;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Help;

/// <summary>Help, about, the welcome card sent once per conversation, and the answer to what no route understood.</summary>
public static class HelpFeature
{
    /// <summary>Card names in the catalog.</summary>
    public static class Cards
    {
        public const string Welcome = "welcome";
        public const string Help = "help";
        public const string About = "about";
    }

    public static BotRouteBuilder MapHelp(this BotRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes
            .MapCommand("help", ["aide", "commands", "commandes"], ShowHelpAsync)
            .MapCommand("about", ["à propos", "a propos", "apropos", "version"], ShowAboutAsync)
            .OnConversationStarted("welcome", WelcomeOnceAsync);
    }

    public static string Version { get; } =
        typeof(HelpFeature).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";

    private static Task ShowHelpAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var router = context.Services.GetRequiredService<BotRouter>();
        var commands = new JsonArray();
        foreach (var name in router.CommandNames)
        {
            // A command is listed when the string table describes it: internal commands stay unlisted.
            var description = context.Strings.Get($"cmd{Pascal(name)}Description", context.Culture);
            if (description.StartsWith('['))
            {
                continue;
            }

            commands.Add(new JsonObject
            {
                ["usage"] = context.Strings.Get($"cmd{Pascal(name)}Usage", context.Culture),
                ["description"] = description,
            });
        }

        var data = new JsonObject { ["commands"] = commands };
        return context.SendAsync(BotMessage.FromCard(Cards.Help, data, context.T("helpTitle")), cancellationToken);
    }

    private static Task ShowAboutAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var data = new JsonObject { ["version"] = Version };
        return context.SendAsync(BotMessage.FromCard(Cards.About, data, context.T("aboutTitle")), cancellationToken);
    }

    private static async Task WelcomeOnceAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var store = context.Services.GetRequiredService<IConversationStore>();
        var clock = context.Services.GetRequiredService<TimeProvider>();
        if (!await store.TryMarkWelcomedAsync(context.Turn.Conversation.Key, clock.GetUtcNow(), cancellationToken))
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

    /// <summary><c>quiz-start</c> → <c>QuizStart</c>: the string-table key part of a command name.</summary>
    private static string Pascal(string name) =>
        string.Concat(name.Split('-', ' ').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    /// <summary>The answer to a message nothing understood: say so, and point to help.</summary>
    public static Task NotUnderstoodAsync(TurnContext context, CancellationToken cancellationToken) =>
        context.SendAsync(
            BotMessage.FromText(context.Strings.Format("notUnderstood", context.Culture, context.Turn.Text?.Trim() ?? string.Empty)),
            cancellationToken);
}
