using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Installations;
using CultureBot.Slack.Schema;
using CultureBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CultureBot.Slack.Adapter;

/// <summary>
/// Runs one queued Slack payload: finds the workspace's token, learns the user's language, maps the payload to
/// a turn and dispatches it through the same router as Teams. Also the Slack-only events: the App Home tab
/// (<c>views.publish</c>) and uninstalls (the workspace's token is forgotten).
/// </summary>
public sealed partial class SlackBotAdapter(
    BotRouter router,
    IConversationStore conversations,
    SlackWorkspaces workspaces,
    SlackUserDirectory users,
    SlackWebApiClient api,
    CardCatalog cards,
    PersonaDirectory personas,
    IServiceProvider services,
    TimeProvider clock,
    ILogger<SlackBotAdapter> logger)
{
    public async Task ProcessAsync(SlackInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        if (inbound.TeamId is not { } teamId)
        {
            LogNoTeam(logger, inbound.Kind);
            return;
        }

        var ev = (inbound.Typed as SlackEventCallback)?.Event;
        var eventType = ev?.Type;
        if (ev is SlackAppUninstalledEvent or SlackTokensRevokedEvent)
        {
            var removed = await workspaces.RemoveAsync(teamId, cancellationToken);
            LogUninstalled(logger, teamId, eventType, removed);
            return;
        }

        if (await workspaces.FindAsync(teamId, cancellationToken) is not { } workspace)
        {
            return;
        }

        var userId = UserOf(inbound);
        var profile = await users.GetAsync(workspace, userId, cancellationToken);
        var turn = SlackTurnMapper.ToTurn(inbound, new SlackTurnMapper.Context(workspace.BotUserId, profile.Culture, profile.TimeZone, clock.GetUtcNow()))
            with { ReceivedAt = inbound.ReceivedAt };

        if (ev is SlackAppHomeOpenedEvent { Tab: "home" } && userId is not null)
        {
            await PublishHomeAsync(workspace, userId, turn, cancellationToken);
            return;
        }

        if (turn.Kind == TurnKind.Other)
        {
            LogIgnored(logger, turn.RawType);
            return;
        }

        if (turn.Conversation.Key.ConversationId.Length > 0)
        {
            await conversations.UpsertReferenceAsync(turn.Conversation, cancellationToken);
        }

        var channel = new SlackTurnChannel(inbound, turn, workspace, api, cards, logger);
        var routes = await router.DispatchAsync(new TurnContext(turn, channel, cards.Strings, services), cancellationToken);
        LogDispatched(logger, turn.RawType, turn.Kind, routes.Count == 0 ? "(none)" : string.Join(',', routes));
    }

    /// <summary>The App Home tab: the persona of the week and quick actions, the same card as the <c>week</c> command.</summary>
    private async Task PublishHomeAsync(SlackWorkspace workspace, string userId, Turn turn, CancellationToken cancellationToken)
    {
        var card = PersonaOfTheWeek.HomeCard(personas.PackFor(turn.Conversation.Key, turn.Culture), clock.GetUtcNow());
        var view = HomeView(cards.Render(Platforms.Slack, card, turn.Culture));
        var result = await api.PublishViewAsync(workspace.BotToken, workspace.TeamId, userId, view, cancellationToken);
        if (!result.Ok)
        {
            throw new SlackApiException("views.publish", result);
        }
    }

    /// <summary>A Slack message rendered from the catalog, as an App Home view (the same blocks; Home allows 100).</summary>
    public static JsonObject HomeView(JsonNode message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new JsonObject { ["type"] = "home", ["blocks"] = message["blocks"]?.DeepClone() ?? new JsonArray() };
    }

    private static string? UserOf(SlackInbound inbound) => inbound.UserId;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Kind} without a team id: ignored")]
    private static partial void LogNoTeam(ILogger logger, SlackInboundKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId}: {EventType}; installation removed: {Removed}")]
    private static partial void LogUninstalled(ILogger logger, string teamId, string? eventType, bool removed);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {RawType}: nothing to do")]
    private static partial void LogIgnored(ILogger logger, string? rawType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Slack {RawType} as {TurnKind} → {Routes}")]
    private static partial void LogDispatched(ILogger logger, string? rawType, TurnKind turnKind, string routes);
}
