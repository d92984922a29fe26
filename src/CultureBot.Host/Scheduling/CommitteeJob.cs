using Quartz;

namespace CultureBot.Host.Scheduling;

/// <summary>Quartz fires this every minute; it sends the committee reminders that are due (see <see cref="CultureBot.Core.Committees.CommitteeScheduler"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class CommitteeJob(CultureBot.Core.Committees.CommitteeScheduler scheduler, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("committees", "culturebot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await scheduler.SendDueAsync(clock.GetUtcNow(), cancellationToken);
}
