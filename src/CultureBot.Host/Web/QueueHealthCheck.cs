using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using CultureBot.Slack.Inbound;
using CultureBot.Teams.Inbound;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CultureBot.Host.Web;

/// <summary>
/// The queues as <c>/healthz</c> shows them: per queue, items pending, failing (waiting for another attempt) and set
/// aside for an operator. Something set aside makes the host Degraded (still 200: it serves); a database that does
/// not answer leaves the counts out rather than fail the liveness probe (<c>/readyz</c> reports the database).
/// </summary>
internal sealed class QueueHealthCheck(IQueueAdmin queues) : IHealthCheck
{
    public const string Name = "queues";

    /// <summary>Shown even when empty, so that a dashboard finds them.</summary>
    private static readonly string[] KnownQueues = [OutboxMessage.QueueName, TeamsInboundPlatform.QueueName, SlackInboundPlatform.QueueName];

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<QueueCounts> counts;
        try
        {
            counts = await queues.CountsAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The exception type only: messages may carry host names or credentials.
            return HealthCheckResult.Degraded($"queue counts unavailable ({e.GetType().Name})");
        }

        var data = KnownQueues.ToDictionary(q => q, q => (object)new QueueCounts(q, 0, 0, 0), StringComparer.Ordinal);
        foreach (var queue in counts)
        {
            data[queue.Queue] = queue;
        }

        var setAside = counts.Sum(c => c.SetAside);
        return setAside == 0
            ? HealthCheckResult.Healthy("no item set aside", data)
            : HealthCheckResult.Degraded($"{setAside} item(s) set aside: see 'culturebot queue list'", data: data);
    }
}
