using CultureBot.Core.Conversations;
using CultureBot.Core.Quiz;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Quiz;

/// <summary>The real round timer: a one-shot trigger in Quartz's job store fires the close job at the round's time.</summary>
public sealed class QuizTimerTests : IDisposable
{
    private readonly BotHostFactory _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task A_round_is_closed_by_its_quartz_trigger_at_its_time()
    {
        _ = _host.Server;
        var store = _host.Services.GetRequiredService<IQuizStore>();
        var now = TimeProvider.System.GetUtcNow();
        var pack = _host.Services.GetRequiredService<Core.Personas.PersonaDirectory>().Packs[0];
        var conversation = new ConversationKey(Platforms.Teams, "tenant-1", "19:timer@thread.tacv2");
        var question = (await _host.Services.GetRequiredService<QuizPool>().QuestionsAsync(pack, conversation.Organization, CancellationToken.None))[0];
        var game = new QuizGame("timer1", conversation, QuizMode.Team, pack.Slug, "en", 1, 10, 1, QuizGameStatus.Running, "u0", now);
        await store.StartAsync(game, new QuizRound("timer1", 1, question.Id, now, now.AddSeconds(2), null, null), null, CancellationToken.None);

        await _host.Services.GetRequiredService<IQuizTimer>().ScheduleCloseAsync("timer1", 1, now.AddSeconds(2), CancellationToken.None);

        Assert.Null((await store.GetRoundAsync("timer1", 1, CancellationToken.None))!.ClosedAt);
        for (var i = 0; i < 150 && (await store.GetRoundAsync("timer1", 1, CancellationToken.None))!.ClosedAt is null; i++)
        {
            await Task.Delay(100);
        }

        var closed = (await store.GetRoundAsync("timer1", 1, CancellationToken.None))!.ClosedAt;
        Assert.NotNull(closed);
        Assert.True(closed >= now.AddSeconds(2), $"closed at {closed:O}, before its time {now.AddSeconds(2):O}");
        Assert.Equal(QuizGameStatus.Finished, (await store.GetAsync("timer1", CancellationToken.None))!.Status);
    }
}
