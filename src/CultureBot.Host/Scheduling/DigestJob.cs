using CultureBot.Core.Digests;
using Quartz;

namespace CultureBot.Host.Scheduling;

/// <summary>
/// Quartz fires this every minute; it sends the digests that are owed. Each subscription's own local day, time and
/// time zone decide, and what was sent is recorded in the application's tables, so a restart, a missed week or a
/// second host changes nothing: a digest owed is sent once.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DigestJob(DigestScheduler scheduler, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("digests", "culturebot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await scheduler.SendDueAsync(clock.GetUtcNow(), cancellationToken);
}
