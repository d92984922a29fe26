using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using CultureBot.Teams.Configuration;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Inbound;
using CultureBot.Teams.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Teams.Adapter;

/// <summary>
/// Runs authenticated activities through the <see cref="TurnPipeline"/>, as Slack does. Most wait in the durable
/// inbound queue and are run by its worker (<see cref="ProcessAsync"/>), which retries a failed turn. An invoke
/// is answered in the HTTP response, so it runs during the request (<see cref="InvokeAsync"/>): recorded once, and a
/// failed one forgets its record and answers 500, so that the Bot Connector's retry does it. Replies wait for the
/// Bot Connector at most <see cref="TeamsOptions.ReplyTimeout"/>; what is not through by then goes through the outbox.
/// </summary>
public sealed partial class TeamsBotAdapter(
    TurnPipeline pipeline,
    IConversationStore store,
    IConnectorClient connector,
    CardCatalog cards,
    IWorkQueue outbox,
    IOptions<TeamsOptions> options,
    TimeProvider clock,
    ILogger<TeamsBotAdapter> logger) : IInboundHandler<TeamsInbound>
{
    /// <summary>What the HTTP endpoint answers to an invoke.</summary>
    public sealed record Outcome(int StatusCode, InvokeResponse? InvokeResponse);

    /// <summary>True for the activities answered in the HTTP response, which cannot wait in the queue: invokes.</summary>
    public static bool AnswersInResponse(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Type == ActivityTypes.Invoke;
    }

    public async Task<Outcome> InvokeAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrEmpty(activity.Type) || string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return new Outcome(400, null);
        }

        using var scope = BeginScope(activity);
        var now = clock.GetUtcNow();
        var organization = new OrganizationKey(Platforms.Teams, ActivityTenant.Of(activity) ?? string.Empty);
        if (activity.Id is { Length: > 0 } id && !await store.TryRecordInboundAsync(organization, id, now, cancellationToken))
        {
            // A retry of an invoke already handled: acknowledge without doing the work twice.
            LogDuplicate(logger, id);
            return new Outcome(200, InvokeResponse.Message(string.Empty));
        }

        try
        {
            var (channel, routes) = await RunTurnAsync(activity, receivedAt: null, cancellationToken);
            return new Outcome(200, channel.InvokeResponse ?? (routes.Count == 0
                ? new InvokeResponse { StatusCode = 404, Type = ContentTypes.ActivityMessage, Value = JsonValue.Create("Unknown action") }
                : InvokeResponse.Message(string.Empty)));
        }
#pragma warning disable CA1031 // Whatever the turn threw, it is not done: its record goes, and the Bot Connector's retry does it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (activity.Id is { Length: > 0 } failedId)
            {
                await store.ForgetInboundAsync(organization, failedId, CancellationToken.None);
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            LogTurnFailed(logger, activity.Id, e);
            return new Outcome(500, null);
        }
    }

    /// <summary>Runs a queued activity (recorded once at the door). Throws when the turn failed: the worker retries it.</summary>
    public async Task ProcessAsync(TeamsInbound inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        using var scope = BeginScope(inbound.Activity);
        await RunTurnAsync(inbound.Activity, inbound.ReceivedAt, cancellationToken);
    }

    private async Task<(TeamsTurnChannel Channel, IReadOnlyList<string> Routes)> RunTurnAsync(Activity activity, DateTimeOffset? receivedAt, CancellationToken cancellationToken)
    {
        var reference = ActivityTurnMapper.ToReference(activity, clock.GetUtcNow());
        var turn = ActivityTurnMapper.ToTurn(activity, reference) with { ReceivedAt = receivedAt };
        using var late = new TeamsLateReplies(outbox, reference.Key, options.Value.ReplyTimeout, clock, logger);
        var channel = new TeamsTurnChannel(activity, turn, connector, cards, late, logger);
        var routes = await pipeline.RunAsync(turn, channel, cancellationToken);
        return (channel, routes);
    }

    private IDisposable? BeginScope(Activity activity) =>
        logger.BeginScope(new Dictionary<string, object?> { ["ActivityId"] = activity.Id, ["ActivityType"] = activity.Type });

    [LoggerMessage(Level = LogLevel.Error, Message = "Invoke {ActivityId} failed; answered 500 so that the Bot Connector sends it again")]
    private static partial void LogTurnFailed(ILogger logger, string? activityId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoke {ActivityId} seen before: acknowledged, not processed again")]
    private static partial void LogDuplicate(ILogger logger, string activityId);
}
