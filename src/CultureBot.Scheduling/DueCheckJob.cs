using CultureBot.Core.Committees;
using CultureBot.Core.Delivery;
using CultureBot.Core.Digests;
using CultureBot.Core.Onboarding;
using Quartz;

namespace CultureBot.Scheduling;

/// <summary>
/// Quartz fires one of these every minute per kind of proactive work (see <see cref="IDueCheck"/>): the digests owed,
/// the onboarding cards due, the committee reminders due. One at a time per kind; what each sends is decided in the
/// application's tables, so a restart, a missed week or a second host changes nothing.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class DueCheckJob<TCheck>(TCheck check, TimeProvider clock) : IJob
    where TCheck : IDueCheck
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await check.SendDueAsync(clock.GetUtcNow(), cancellationToken);
}

/// <summary>The keys of the minute checks in the job store (kept stable: they are rows in the <c>qrtz_</c> tables).</summary>
internal static class DueChecks
{
    public static readonly JobKey Digests = new("digests", "culturebot");
    public static readonly JobKey Onboarding = new("onboarding", "culturebot");
    public static readonly JobKey Committees = new("committees", "culturebot");

    public static readonly JobKey[] All = [Digests, Onboarding, Committees];

    /// <summary>The retention purge: hourly, at a minute apart from the hour's other work.</summary>
    public static readonly JobKey Retention = new("retention", "culturebot");

    public const string RetentionCron = "0 17 * * * ?";

    /// <summary>
    /// Schedules a check on the <c>Scheduling:DigestCheck</c> cron. A check missed while every host was down runs once
    /// at restart (not once per missed minute); what it sends is decided from the application's tables.
    /// </summary>
    public static void Schedule<TCheck>(IQuartzBuilder quartz, JobKey key, string cron)
        where TCheck : IDueCheck =>
        quartz.ScheduleJob<DueCheckJob<TCheck>>(
            trigger => trigger.WithIdentity(key.Name + "-every-minute", key.Group)
                .WithCronSchedule(cron, schedule => schedule.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            job => job.WithIdentity(key));

    public static void ScheduleAll(IQuartzBuilder quartz, string cron)
    {
        Schedule<DigestScheduler>(quartz, Digests, cron);
        Schedule<OnboardingScheduler>(quartz, Onboarding, cron);
        Schedule<CommitteeScheduler>(quartz, Committees, cron);
        quartz.ScheduleJob<DueCheckJob<RetentionPurge>>(
            trigger => trigger.WithIdentity(Retention.Name + "-hourly", Retention.Group)
                .WithCronSchedule(RetentionCron, schedule => schedule.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
            job => job.WithIdentity(Retention));
    }
}
