using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;
using CultureBot.Core.Queue;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Installations;
using CultureBot.Slack.Schema;
using CultureBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CultureBot.Slack.Adapter;

/// <summary>
/// Runs one queued Slack payload (the inbound worker's handler): finds the workspace's token, learns the user's language, maps the payload to
/// a turn and runs it through the <see cref="TurnPipeline"/>, as Teams does. Slack's own events become named
/// events for the router: the App Home tab (<see cref="BotEvents.HomeOpened"/>) and uninstalls
/// (<see cref="BotEvents.Uninstalled"/>).
/// </summary>
public sealed partial class SlackBotAdapter(
    TurnPipeline pipeline,
    SlackWorkspaces workspaces,
    SlackUserDirectory users,
    SlackWebApiClient api,
    CardCatalog cards,
    TimeProvider clock,
    ILogger<SlackBotAdapter> logger) : IInboundHandler<SlackInbound>
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
            // The workspace's token no longer works, and may be gone already: the turn runs without one, for the
            // routes that forget the workspace. Nothing can be said to anyone there any more.
            LogUninstalled(logger, teamId, eventType);
            var gone = SlackTurnMapper.ToTurn(inbound, new SlackTurnMapper.Context(null, Locales.English, null, clock.GetUtcNow()))
                with { Kind = TurnKind.Event, EventName = BotEvents.Uninstalled };
            await RunAsync(inbound, gone, new SlackWorkspace(teamId, string.Empty, null), cancellationToken);
            return;
        }

        if (await workspaces.FindAsync(teamId, cancellationToken) is not { } workspace)
        {
            return;
        }

        var profile = await users.GetAsync(workspace, inbound.UserId, cancellationToken);
        var turn = SlackTurnMapper.ToTurn(inbound, new SlackTurnMapper.Context(workspace.BotUserId, profile.Culture, profile.TimeZone, clock.GetUtcNow()))
            with { ReceivedAt = inbound.ReceivedAt };

        if (ev is SlackAppHomeOpenedEvent { Tab: "home" } && turn.From is not null)
        {
            turn = turn with { Kind = TurnKind.Event, EventName = BotEvents.HomeOpened };
        }

        await RunAsync(inbound, turn, workspace, cancellationToken);
    }

    /// <summary>A refused token or refused content: no retry mends them.</summary>
    public bool IsPermanent(Exception error) => error is SlackApiException { IsPermanent: true };

    private async Task RunAsync(SlackInbound inbound, Turn turn, SlackWorkspace workspace, CancellationToken cancellationToken) =>
        await pipeline.RunAsync(turn, new SlackTurnChannel(inbound, turn, workspace, api, cards, logger), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Kind} without a team id: ignored")]
    private static partial void LogNoTeam(ILogger logger, SlackInboundKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack workspace {TeamId}: {EventType}")]
    private static partial void LogUninstalled(ILogger logger, string teamId, string? eventType);
}
