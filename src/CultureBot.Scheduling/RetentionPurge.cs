using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Scheduling;

/// <summary>
/// Removes what the queues no longer need (see <see cref="RetentionOptions"/>): inbound ids past the platforms' retries,
/// set-aside items nobody acted on. Scheduled hourly like the minute checks; run twice or late, it removes the same.
/// </summary>
internal sealed partial class RetentionPurge(IQueueAdmin queues, IOptions<RetentionOptions> options, ILogger<RetentionPurge> logger) : IDueCheck
{
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var retention = options.Value;
        var purged = await queues.PurgeAsync(now - retention.InboundEvents, now - retention.SetAside, cancellationToken);
        if (purged.InboundEvents + purged.SetAside > 0)
        {
            LogPurged(logger, purged.InboundEvents, purged.SetAside);
        }

        return purged.InboundEvents + purged.SetAside;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {InboundEvents} inbound id(s) and {SetAside} set-aside item(s) purged")]
    private static partial void LogPurged(ILogger logger, int inboundEvents, int setAside);
}
