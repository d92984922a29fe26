using CultureBot.Core.Conversations;
using CultureBot.Core.Insights;
using CultureBot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CultureBot.Core.Bot;

/// <summary>
/// What every turn goes through once its platform has read it, whichever the platform: a turn that asks nothing is
/// dropped, the conversation is remembered (for proactive messages later), and the router dispatches it in a
/// dependency-injection scope of its own, so that handlers may take scoped services and none outlives the turn.
/// Recording the turn once (against retries) is the platform door's job, before it gets here.
/// </summary>
public sealed partial class TurnPipeline(
    BotRouter router,
    IConversationStore conversations,
    IServiceScopeFactory scopes,
    StringTable strings,
    ILogger<TurnPipeline> logger)
{
    /// <summary>Runs <paramref name="turn"/>, answering through <paramref name="channel"/>. Returns the names of the routes that ran.</summary>
    public async Task<IReadOnlyList<string>> RunAsync(Turn turn, ITurnChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(channel);
        var platform = turn.Conversation.Key.Platform;
        if (turn.Kind == TurnKind.Other)
        {
            // Reactions, typing, the bot's own messages: nothing to answer, and nothing to remember them by.
            LogIgnored(logger, platform, turn.RawType);
            return [];
        }

        if (turn.Conversation.Key.ConversationId.Length > 0)
        {
            await conversations.UpsertReferenceAsync(turn.Conversation, cancellationToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var routes = await router.DispatchAsync(new TurnContext(turn, channel, strings, scope.ServiceProvider), cancellationToken);
        if (turn.Kind == TurnKind.Action && turn.ActionVerb is { Length: > 0 } verb && scope.ServiceProvider.GetService<IEngagementLog>() is { } engagement)
        {
            // Every card button, by its verb, in one place: which cards people actually use.
            await engagement.RecordAsync(turn, EngagementKinds.Action(verb), cancellationToken: cancellationToken);
        }

        LogDispatched(logger, platform, turn.RawType, turn.Kind, routes.Count == 0 ? "(none)" : string.Join(',', routes));
        return routes;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Platform} {RawType}: nothing to do")]
    private static partial void LogIgnored(ILogger logger, string platform, string? rawType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Platform} {RawType} as {TurnKind} → {Routes}")]
    private static partial void LogDispatched(ILogger logger, string platform, string? rawType, TurnKind turnKind, string routes);
}
