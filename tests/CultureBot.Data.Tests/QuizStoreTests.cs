using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Quiz;

namespace CultureBot.Data.Tests;

/// <summary>The quiz's tables on both databases, for real: the fairness key, closing once, the running-game rule.</summary>
public class QuizStoreTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    private static readonly ConversationKey Channel = new(Platforms.Teams, "tenant-1", "19:quiz@thread.tacv2");
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static async Task<(TestDatabase Db, SqlQuizStore Store, QuizGame Game)> StartedAsync(StorageProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlQuizStore(db.Database);
        var game = new QuizGame("g1", Channel, QuizMode.Team, "velo-vert-en", "en", 2, 30, 1, QuizGameStatus.Running, "u0", Start);
        var card = new OutboxMessage(Channel, BotMessage.FromCard("quiz-round", new JsonObject { ["n"] = 1 }), "quiz") { Receipt = "quiz-round:g1:1" };
        Assert.True(await store.StartAsync(game, new QuizRound("g1", 1, "q1", Start, Start.AddSeconds(30), null, null), card, CancellationToken.None));
        return (db, store, game);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Two_thousand_players_answering_at_once_are_each_counted_once(StorageProvider provider)
    {
        var (db, store, _) = await StartedAsync(provider);
        await using var _ = db;

        // Every player clicks twice, all at the same time: one answer each is kept.
        var clicks = Enumerable.Range(0, 2000).SelectMany(p => new[] { p, p }).ToList();
        var recorded = 0;
        await Parallel.ForEachAsync(clicks, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (player, cancellationToken) =>
        {
            if (await store.AnswerAsync(new QuizAnswer("g1", 1, $"u{player}", $"Player {player}", player % 3, player % 3 == 0, Start.AddSeconds(1), 0), cancellationToken))
            {
                Interlocked.Increment(ref recorded);
            }
        });

        Assert.Equal(2000, recorded);
        Assert.Equal(2000, await store.CountAnswersAsync("g1", 1, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_round_closes_once_with_its_points_messages_and_next_round_and_one_game_runs_per_conversation(StorageProvider provider)
    {
        var (db, store, game) = await StartedAsync(provider);
        await using var _ = db;
        await store.AnswerAsync(new QuizAnswer("g1", 1, "u1", "Ana", 0, true, Start.AddSeconds(3), 0), CancellationToken.None);
        var second = game with { Id = "g2" };
        Assert.False(await store.StartAsync(second, new QuizRound("g2", 1, "q9", Start, Start.AddSeconds(30), null, null), null, CancellationToken.None));

        var reveal = new OutboxMessage(Channel, BotMessage.FromText("reveal"), "quiz");
        var closing = new QuizRoundClosing("g1", 1, Start.AddSeconds(30), [("u1", 145)], [reveal], new QuizRound("g1", 2, "q2", Start.AddSeconds(30), Start.AddSeconds(60), null, null), false);
        Assert.Equal([], await store.OverdueRoundsAsync(Start.AddSeconds(20), CancellationToken.None));
        Assert.Equal(["q1"], (await store.OverdueRoundsAsync(Start.AddSeconds(31), CancellationToken.None)).Select(r => r.QuestionId));

        Assert.True(await store.CloseRoundAsync(closing, CancellationToken.None));
        Assert.False(await store.CloseRoundAsync(closing, CancellationToken.None));

        Assert.Equal(145, Assert.Single(await store.AnswersAsync("g1", CancellationToken.None)).Points);
        Assert.Equal(2, (await store.GetAsync("g1", CancellationToken.None))!.CurrentRound);
        Assert.Equal(new HashSet<string> { "q1", "q2" }, await store.SeenAsync(Channel, CancellationToken.None));
        Assert.Equal(2, await new SqlWorkQueue(db.Database).CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
        await store.SetMessageIdAsync("g1", 2, "activity-7", CancellationToken.None);
        Assert.Equal("activity-7", (await store.GetRoundAsync("g1", 2, CancellationToken.None))!.MessageId);

        await store.CloseRoundAsync(new QuizRoundClosing("g1", 2, Start.AddSeconds(60), [], [], null, true), CancellationToken.None);
        Assert.Null(await store.RunningInAsync(Channel, CancellationToken.None));
        Assert.True(await store.StartAsync(second, new QuizRound("g2", 1, "q3", Start.AddMinutes(2), Start.AddMinutes(3), null, null), null, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_oldest_pending_item_of_a_queue_is_known_and_failed_items_do_not_count(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var queue = new SqlWorkQueue(db.Database);

        Assert.Null(await queue.OldestPendingAsync("q", CancellationToken.None));
        var first = await queue.EnqueueAsync("q", "{}", Start, CancellationToken.None);
        await queue.EnqueueAsync("q", "{}", Start.AddSeconds(5), CancellationToken.None);
        Assert.Equal(Start, await queue.OldestPendingAsync("q", CancellationToken.None));

        await queue.FailAsync(first, "broken", Start.AddSeconds(6), CancellationToken.None);
        Assert.Equal(Start.AddSeconds(5), await queue.OldestPendingAsync("q", CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Leaderboards_sum_points_by_conversation_or_organization_since_a_date_and_names_can_be_hidden(StorageProvider provider)
    {
        var (db, store, _) = await StartedAsync(provider);
        await using var _ = db;
        await store.AnswerAsync(new QuizAnswer("g1", 1, "u1", "Ana", 0, true, Start.AddSeconds(3), 0), CancellationToken.None);
        await store.AnswerAsync(new QuizAnswer("g1", 1, "u2", "Bob", 1, false, Start.AddSeconds(4), 0), CancellationToken.None);
        await store.CloseRoundAsync(new QuizRoundClosing("g1", 1, Start.AddSeconds(30), [("u1", 150), ("u2", 0)], [], null, true), CancellationToken.None);
        var elsewhere = new ConversationKey(Platforms.Teams, "tenant-1", "19:other@thread.tacv2");
        var other = new QuizGame("g3", elsewhere, QuizMode.Team, "velo-vert-en", "en", 1, 30, 1, QuizGameStatus.Running, "u0", Start.AddDays(1));
        await store.StartAsync(other, new QuizRound("g3", 1, "q1", Start.AddDays(1), Start.AddDays(1).AddSeconds(30), null, null), null, CancellationToken.None);
        await store.AnswerAsync(new QuizAnswer("g3", 1, "u2", "Bob", 0, true, Start.AddDays(1).AddSeconds(2), 0), CancellationToken.None);
        await store.CloseRoundAsync(new QuizRoundClosing("g3", 1, Start.AddDays(1).AddSeconds(30), [("u2", 160)], [], null, true), CancellationToken.None);

        var here = await store.LeaderboardAsync(Channel, QuizScope.Conversation, null, 10, CancellationToken.None);
        var organization = await store.LeaderboardAsync(Channel, QuizScope.Organization, null, 10, CancellationToken.None);
        var sinceTomorrow = await store.LeaderboardAsync(Channel, QuizScope.Organization, Start.AddHours(12), 10, CancellationToken.None);

        Assert.Equal([("u1", 150, 1, 1), ("u2", 0, 0, 1)], here.Select(s => (s.PlayerId, s.Points, s.Correct, s.Answered)));
        Assert.Equal([("u2", 160), ("u1", 150)], organization.Select(s => (s.PlayerId, s.Points)));
        Assert.Equal(["u2"], sinceTomorrow.Select(s => s.PlayerId));

        await store.SetHiddenAsync(Channel.Organization, "u2", true, CancellationToken.None);
        Assert.Equal(new HashSet<string> { "u2" }, await store.HiddenAmongAsync(Channel.Organization, ["u1", "u2"], CancellationToken.None));
        await store.SetHiddenAsync(Channel.Organization, "u2", false, CancellationToken.None);
        Assert.Empty(await store.HiddenAmongAsync(Channel.Organization, ["u1", "u2"], CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Hidden_names_and_a_players_results_stay_in_their_organization(StorageProvider provider)
    {
        var (db, store, _) = await StartedAsync(provider);
        await using var _ = db;
        var otherTenant = new ConversationKey(Platforms.Teams, "tenant-2", "19:quiz@thread.tacv2");
        var solo = new QuizGame("g2", otherTenant, QuizMode.Solo, "velo-vert-en", "en", 0, 0, 1, QuizGameStatus.Running, "u1", Start);
        await store.StartAsync(solo, new QuizRound("g2", 1, "q7", Start, Start.AddDays(1), null, null), null, CancellationToken.None);
        await store.AnswerAsync(new QuizAnswer("g1", 1, "u1", "Ana", 0, true, Start.AddSeconds(3), 0), CancellationToken.None);
        await store.AnswerAsync(new QuizAnswer("g2", 1, "u1", "Ana", 2, false, Start.AddSeconds(5), 0), CancellationToken.None);

        await store.SetHiddenAsync(otherTenant.Organization, "u1", true, CancellationToken.None);

        Assert.Empty(await store.HiddenAmongAsync(Channel.Organization, ["u1"], CancellationToken.None));
        Assert.Equal(new HashSet<string> { "u1" }, await store.HiddenAmongAsync(otherTenant.Organization, ["u1"], CancellationToken.None));
        Assert.Equal([("q1", (1, 0))], (await store.ResultsByQuestionAsync(Channel.Organization, "u1", CancellationToken.None)).Select(r => (r.Key, r.Value)));
        Assert.Equal([("q7", (0, 1))], (await store.ResultsByQuestionAsync(otherTenant.Organization, "u1", CancellationToken.None)).Select(r => (r.Key, r.Value)));
    }
}
