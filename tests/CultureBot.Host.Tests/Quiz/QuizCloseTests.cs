using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using CultureBot.Core.Quiz;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Quiz;

/// <summary>A round closes only when the clicks received before its bell have been counted (Slack's queue behind a burst).</summary>
public sealed class QuizCloseTests : IDisposable
{
    private readonly Backlog _backlog = new();
    private readonly RecordingQuizTimer _timer = new();
    private readonly BotHostFactory _host;

    public QuizCloseTests() =>
        _host = new BotHostFactory(services: services => services.AddSingleton<IQuizTimer>(_timer).AddSingleton<IInboundBacklog>(_backlog));

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_round_waits_for_clicks_still_queued_from_before_its_bell_then_closes()
    {
        _ = _host.Server;
        var games = _host.Services.GetRequiredService<QuizGames>();
        var store = _host.Services.GetRequiredService<IQuizStore>();
        var conversation = new ConversationKey(Platforms.Slack, "T1", "C1");
        var game = (await games.StartTeamAsync(conversation, null, System.Globalization.CultureInfo.GetCultureInfo("en-US"), 1, 10, CancellationToken.None))!;
        var bell = (await store.GetRoundAsync(game.Id, 1, CancellationToken.None))!.ClosesAt;

        _backlog.Oldest = bell.AddSeconds(-3);
        await games.CloseRoundAsync(game.Id, 1, CancellationToken.None);

        Assert.Null((await store.GetRoundAsync(game.Id, 1, CancellationToken.None))!.ClosedAt);
        Assert.Equal(2, _timer.Scheduled.Count);

        // Only clicks received after the bell are left: those are late anyway, the round closes.
        _backlog.Oldest = bell.AddSeconds(1);
        await games.CloseRoundAsync(game.Id, 1, CancellationToken.None);

        Assert.NotNull((await store.GetRoundAsync(game.Id, 1, CancellationToken.None))!.ClosedAt);
    }

    private sealed class Backlog : IInboundBacklog
    {
        public DateTimeOffset? Oldest { get; set; }

        public Task<DateTimeOffset?> OldestAsync(CancellationToken cancellationToken) => Task.FromResult(Oldest);
    }
}
