using Quartz;

namespace CultureBot.Host.Scheduling;

/// <summary>Quartz fires this every minute; it sends the onboarding cards that are due (see <see cref="CultureBot.Core.Onboarding.OnboardingScheduler"/>).</summary>
[DisallowConcurrentExecution]
internal sealed class OnboardingJob(CultureBot.Core.Onboarding.OnboardingScheduler scheduler, TimeProvider clock) : IJob
{
    public static readonly JobKey Key = new("onboarding", "culturebot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await scheduler.SendDueAsync(clock.GetUtcNow(), cancellationToken);
}
