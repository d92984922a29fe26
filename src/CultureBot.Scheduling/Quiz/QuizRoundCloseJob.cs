using System.Globalization;
using CultureBot.Core.Quiz;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CultureBot.Scheduling.Quiz;

/// <summary>Closes one quiz round at its time; its trigger lives in the job store, so a restart does not lose it.</summary>
internal sealed class QuizRoundCloseJob(QuizGames games) : IJob
{
    public static readonly JobKey Key = new("quiz-round-close", "culturebot");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        if (data.GetString("game") is { } game && int.TryParse(data.GetString("round"), CultureInfo.InvariantCulture, out var round))
        {
            await games.CloseRoundAsync(game, round, cancellationToken);
        }
    }
}

/// <summary>The safety net: closes rounds whose trigger was never stored (a crash between the decision and the scheduling).</summary>
[DisallowConcurrentExecution]
internal sealed class QuizSweepJob(QuizGames games) : IJob
{
    public static readonly JobKey Key = new("quiz-sweep", "culturebot");

    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await games.CloseOverdueAsync(Grace, cancellationToken);
}

/// <summary>Schedules a round's close as a one-shot Quartz trigger for <see cref="QuizRoundCloseJob"/>.</summary>
internal sealed class QuartzQuizTimer(IServiceProvider services, CultureBotScheduler scheduler) : IQuizTimer
{
    public async Task ScheduleCloseAsync(string gameId, int round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var factory = services.GetRequiredKeyedService<ISchedulerFactory>(scheduler.Name);
        var quartz = await factory.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"quiz-{gameId}-{round.ToString(CultureInfo.InvariantCulture)}", "quiz")
            .ForJob(QuizRoundCloseJob.Key)
            .UsingJobData("game", gameId)
            .UsingJobData("round", round.ToString(CultureInfo.InvariantCulture))
            .StartAt(at)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await quartz.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}
