using System.Collections.Concurrent;
using CultureBot.Core.Quiz;

namespace CultureBot.Host.Tests.Support;

/// <summary>The quiz round timer's seam: records what the game asked for; the test closes rounds itself.</summary>
public sealed class RecordingQuizTimer : IQuizTimer
{
    public ConcurrentQueue<(string Game, int Round, DateTimeOffset At)> Scheduled { get; } = new();

    public Task ScheduleCloseAsync(string gameId, int round, DateTimeOffset at, CancellationToken cancellationToken)
    {
        Scheduled.Enqueue((gameId, round, at));
        return Task.CompletedTask;
    }
}
