using Quartz;

namespace CultureBot.Host.Scheduling;

internal static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz and the recurring jobs: the digest check every minute, on the minute.</summary>
    public static IServiceCollection AddCultureBotScheduling(this IServiceCollection services)
    {
        // Quartz keeps schedulers in a process-wide registry by name: each host gets its own, so that two hosts in one
        // process (tests) never share one, and its jobs always run with their own host's services.
        var name = new CultureBotScheduler($"culturebot-{Guid.NewGuid():N}");
        services.AddSingleton(name);
        services.AddQuartz(name.Name, quartz => quartz.ScheduleJob<DigestJob>(
            trigger => trigger.WithIdentity("digests-every-minute", "culturebot").WithCronSchedule("0 * * * * ?"),
            job => job.WithIdentity(DigestJob.Key)));
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>The name of this host's Quartz scheduler (see <see cref="SchedulingServiceCollectionExtensions.AddCultureBotScheduling"/>).</summary>
internal sealed record CultureBotScheduler(string Name);
