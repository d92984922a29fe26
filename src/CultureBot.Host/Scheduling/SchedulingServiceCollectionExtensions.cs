using Quartz;

namespace CultureBot.Host.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz and the recurring jobs: the digest check every minute, on the minute.</summary>
    public static IServiceCollection AddCultureBotScheduling(this IServiceCollection services)
    {
        services.AddQuartz(quartz => quartz.ScheduleJob<DigestJob>(
            trigger => trigger.WithIdentity("digests-every-minute", "culturebot").WithCronSchedule("0 * * * * ?"),
            job => job.WithIdentity(DigestJob.Key)));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
