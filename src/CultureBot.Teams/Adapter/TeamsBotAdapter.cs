using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using CultureBot.Teams.Configuration;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Teams.Adapter;

/// <summary>
/// Runs one authenticated inbound activity through the router: records it once, refreshes the
/// conversation reference, maps it to a turn, dispatches, and returns the invoke response if any.
/// A turn that fails forgets its record and answers 500, so the Bot Connector's retry does it (the record is
/// taken first, so that a retry arriving while the turn runs is not done twice). Replies wait for the Bot
/// Connector at most <see cref="TeamsOptions.ReplyTimeout"/>; what is not through by then goes through the outbox.
/// </summary>
public sealed partial class TeamsBotAdapter
{
    private readonly BotRouter _router;
    private readonly IConversationStore _store;
    private readonly IConnectorClient _connector;
    private readonly CardCatalog _cards;
    private readonly IWorkQueue _outbox;
    private readonly IOptions<TeamsOptions> _options;
    private readonly IServiceProvider _services;
    private readonly TimeProvider _clock;
    private readonly ILogger<TeamsBotAdapter> _logger;

    public TeamsBotAdapter(
        BotRouter router,
        IConversationStore store,
        IConnectorClient connector,
        CardCatalog cards,
        IWorkQueue outbox,
        IOptions<TeamsOptions> options,
        IServiceProvider services,
        TimeProvider clock,
        ILogger<TeamsBotAdapter> logger)
    {
        _router = router;
        _store = store;
        _connector = connector;
        _cards = cards;
        _outbox = outbox;
        _options = options;
        _services = services;
        _clock = clock;
        _logger = logger;
    }

    /// <summary>What the HTTP endpoint answers.</summary>
    public sealed record Outcome(int StatusCode, InvokeResponse? InvokeResponse);

    public async Task<Outcome> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Type) || string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return new Outcome(400, null);
        }

        var isInvoke = activity.Type == ActivityTypes.Invoke;
        using var scope = _logger.BeginScope(new Dictionary<string, object?> { ["ActivityId"] = activity.Id, ["ActivityType"] = activity.Type });

        var now = _clock.GetUtcNow();
        var reference = ActivityTurnMapper.ToReference(activity, now);
        if (activity.Id is { Length: > 0 } id && !await _store.TryRecordInboundAsync(reference.Key.Organization, id, now, cancellationToken))
        {
            // A retry of an activity already handled: acknowledge without doing the work twice.
            LogDuplicate(_logger, id);
            return new Outcome(200, isInvoke ? InvokeResponse.Message(string.Empty) : null);
        }

        try
        {
            return await RunTurnAsync(activity, reference, isInvoke, now, cancellationToken);
        }
#pragma warning disable CA1031 // Whatever the turn threw, it is not done: its record goes, and the Bot Connector's retry does it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (activity.Id is { Length: > 0 } failedId)
            {
                await _store.ForgetInboundAsync(reference.Key.Organization, failedId, CancellationToken.None);
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogTurnFailed(_logger, activity.Id, e);
            return new Outcome(500, null);
        }
    }

    private async Task<Outcome> RunTurnAsync(Activity activity, ConversationReference reference, bool isInvoke, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _store.UpsertReferenceAsync(reference, cancellationToken);

        var turn = ActivityTurnMapper.ToTurn(activity, reference);
        using var late = new TeamsLateReplies(_outbox, reference.Key, _options.Value.ReplyTimeout, _clock, _logger);
        var channel = new TeamsTurnChannel(activity, turn, _connector, _cards, late, _logger);
        var context = new TurnContext(turn, channel, _cards.Strings, _services);
        var routes = await _router.DispatchAsync(context, cancellationToken);
        LogDispatched(_logger, activity.Type!, turn.Kind, routes.Count == 0 ? "(none)" : string.Join(',', routes));

        if (isInvoke)
        {
            return new Outcome(200, channel.InvokeResponse ?? (routes.Count == 0
                ? new InvokeResponse { StatusCode = 404, Type = ContentTypes.ActivityMessage, Value = System.Text.Json.Nodes.JsonValue.Create("Unknown action") }
                : InvokeResponse.Message(string.Empty)));
        }

        return new Outcome(200, null);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {ActivityId} failed; answered 500 so that the Bot Connector sends it again")]
    private static partial void LogTurnFailed(ILogger logger, string? activityId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} seen before: acknowledged, not processed again")]
    private static partial void LogDuplicate(ILogger logger, string activityId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{ActivityType} as {TurnKind} → {Routes}")]
    private static partial void LogDispatched(ILogger logger, string activityType, TurnKind turnKind, string routes);
}
