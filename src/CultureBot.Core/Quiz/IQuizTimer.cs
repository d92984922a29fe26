namespace CultureBot.Core.Quiz;

/// <summary>Closes a round when its time is up, even if the host restarted meanwhile (the host's Quartz job store).</summary>
public interface IQuizTimer
{
    Task ScheduleCloseAsync(string gameId, int round, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>
/// The rounds answered since their card was last updated, so that the answer count is refreshed at most once a
/// second per round, whatever the number of clicks (a host-wide set, drained by the host's refresher).
/// </summary>
public sealed class QuizLiveCounts
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Game, int Round), byte> _dirty = new();

    public void Touch(string gameId, int round) => _dirty.TryAdd((gameId, round), 0);

    /// <summary>The rounds touched since the last call, each once.</summary>
    public IReadOnlyList<(string Game, int Round)> Drain()
    {
        var drained = new List<(string, int)>();
        foreach (var key in _dirty.Keys)
        {
            if (_dirty.TryRemove(key, out _))
            {
                drained.Add(key);
            }
        }

        return drained;
    }
}
