using CultureBot.Core.Committees;
using CultureBot.Core.Digests;
using CultureBot.Core.Onboarding;
using CultureBot.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CultureBot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz with its job store in the application's database (the <c>qrtz_</c> tables, created from Quartz's own
    /// schema script when missing and checked at every start), the checks it runs and the recurring jobs that run them.
    /// On PostgreSQL the hosts of one deployment form a Quartz cluster: each firing runs on exactly one of them, and a
    /// dead host's work is taken over. SQLite is one host's file, so there is no cluster to form.
    /// </summary>
    public static IServiceCollection AddCultureBotScheduling(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SchedulingOptions>().Bind(configuration.GetSection(SchedulingOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SchedulingOptions>, SchedulingOptionsValidator>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>();

        // What the minute and hourly jobs run (see DueChecks).
        services.AddSingleton<DigestScheduler>();
        services.AddSingleton<OnboardingScheduler>();
        services.AddSingleton<CommitteeScheduler>();
        services.AddSingleton<RetentionPurge>();

        // Quartz is configured here, from the settings as they are now; settings it cannot run on are left for the
        // validator to report at start, in its own words, instead of failing inside Quartz's configuration.
        var options = configuration.GetSection(SchedulingOptions.Section).Get<SchedulingOptions>() ?? new SchedulingOptions();
        services.AddSingleton(new CultureBotScheduler(options.SchedulerName));
        if (new SchedulingOptionsValidator().Validate(null, options).Failed)
        {
            return services;
        }

        // An unknown provider is the storage validator's to report, with its own sentence, when the host starts.
        var onPostgres = Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.Section}:{nameof(StorageOptions.Provider)}"], ignoreCase: true, out var provider)
            && provider == StorageProvider.Postgres;
        services.AddQuartz(options.SchedulerName, quartz =>
        {
            // Several hosts may share a name (a cluster; tests run several in one process): the instance id tells them apart.
            quartz.ConfigureScheduler(scheduler => scheduler.GenerateInstanceId = true);
            quartz.UsePersistentStore(store =>
            {
                // The same connections as the application's own stores (pooling, time-outs, the SQLite busy wait).
                if (onPostgres)
                {
                    store.UsePostgres(source => source.DataSourceFactory = sp => sp.GetRequiredService<Database>().DataSource);
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = options.ClusterCheckin;
                        cluster.CheckinMisfireThreshold = options.ClusterCheckin * 2;
                    });
                }
                else
                {
                    store.UseSqlite(source => source.DataSourceFactory = sp => sp.GetRequiredService<Database>().DataSource);
                }

                store.ProvisionSchema();
            });

            DueChecks.ScheduleAll(quartz, options.DigestCheck);

            // Quiz rounds close on one-shot triggers of this job, stored with the rest; the sweep catches a lost one.
            quartz.AddJob<Quiz.QuizRoundCloseJob>(job => job.WithIdentity(Quiz.QuizRoundCloseJob.Key).StoreDurably());
            quartz.ScheduleJob<Quiz.QuizSweepJob>(
                trigger => trigger.WithIdentity("quiz-sweep-every-15s", "culturebot").WithCronSchedule("0/15 * * * * ?"),
                job => job.WithIdentity(Quiz.QuizSweepJob.Key));
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
        return services;
    }
}

/// <summary>The name of this deployment's Quartz scheduler (see <see cref="SchedulingOptions.SchedulerName"/>).</summary>
internal sealed record CultureBotScheduler(string Name);
