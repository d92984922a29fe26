using CultureBot.Core.Delivery;
using CultureBot.Core.Insights;
using CultureBot.Core.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Scheduling;

/// <summary>
/// Removes what the queues no longer need (see <see cref="RetentionOptions"/>): inbound ids past the platforms' retries,
/// set-aside items nobody acted on,
/// engagement events past their time. Scheduled hourly like the minute checks; run twice or late, it removes the same.
/// </summary>
internal sealed partial class RetentionPurge(IQueueAdmin queues, IEngagementStore engagement, IOptions<RetentionOptions> options, ILogger<RetentionPurge> logger) : IDueCheck
{
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retention = options.Value;
        var purged = await queues.PurgeAsync(now - retention.InboundEvents, now - retention.SetAside, cancellationToken);
        var events = await engagement.PurgeAsync(now - retention.Engagement, cancellationToken);
        if (purged.InboundEvents + purged.SetAside + events > 0)
        {
            LogPurged(logger, purged.InboundEvents, purged.SetAside, events);
        }

        return purged.InboundEvents + purged.SetAside + events;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {InboundEvents} inbound id(s) and {SetAside} set-aside item(s) and {Engagement} engagement event(s) purged")]
    private static partial void LogPurged(ILogger logger, int inboundEvents, int setAside, int engagement);
}
