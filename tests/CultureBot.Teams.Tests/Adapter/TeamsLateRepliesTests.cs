using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Queue;
using CultureBot.Teams.Adapter;
using CultureBot.Teams.Connector;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Teams.Tests.Adapter;

/// <summary>A turn's replies wait for the Bot Connector within the budget, on the host's clock; what does not get through is for the outbox.</summary>
public class TeamsLateRepliesTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private static readonly ConnectorResult Sent = new(ConnectorOutcome.Succeeded, 201, "a1", null, 1);

    private static TeamsLateReplies Replies(FakeTimeProvider clock, RecordingQueue? queue = null) =>
        new(queue ?? new RecordingQueue(), new ConversationKey(Platforms.Teams, "tenant", "conv"), Budget, clock, NullLogger.Instance);

    /// <summary>The outbox as the late replies use it: enqueue only.</summary>
    private sealed class RecordingQueue : IWorkQueue
    {
        public List<(string Queue, string Payload)> Enqueued { get; } = [];

        public Task<long> EnqueueAsync(string queue, string payload, DateTimeOffset dueAt, CancellationToken cancellationToken)
        {
            Enqueued.Add((queue, payload));
            return Task.FromResult((long)Enqueued.Count);
        }

        public Task<long?> EnqueueOnceAsync(string queue, OrganizationKey organization, string inboundId, string payload, DateTimeOffset now, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<WorkItem>> ClaimAsync(string queue, int max, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CompleteAsync(long id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task RetryAsync(long id, DateTimeOffset dueAt, string error, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task FailAsync(long id, string error, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountPendingAsync(string queue, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<DateTimeOffset?> OldestPendingAsync(string queue, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int> CountFailedAsync(string queue, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_deferred_reply_is_an_outbox_message_to_the_turns_conversation_replacing_what_it_updates()
    {
        var queue = new RecordingQueue();
        using var replies = Replies(new FakeTimeProvider(), queue);

        await replies.DeferAsync(BotMessage.FromText("late"), "card-7", "update");

        var (name, payload) = Assert.Single(queue.Enqueued);
        var message = OutboxMessage.Deserialize(payload);
        Assert.Equal(OutboxMessage.QueueName, name);
        Assert.Equal((new ConversationKey(Platforms.Teams, "tenant", "conv"), "late", "card-7"), (message.Conversation, message.Message.Text, message.Replaces));
    }

    [Fact]
    public async Task A_call_still_waiting_when_the_budget_ends_is_given_up()
    {
        var clock = new FakeTimeProvider();
        using var replies = Replies(clock);

        var waiting = replies.TryAsync(async token => { await Task.Delay(Timeout.Infinite, token); return Sent; }, CancellationToken.None);
        clock.Advance(Budget - TimeSpan.FromSeconds(1));
        var stillWaiting = !waiting.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(stillWaiting);
        Assert.Null(await waiting);
        Assert.Null(await replies.TryAsync(_ => Task.FromResult(Sent), CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_or_throwing_call_is_for_the_outbox_and_an_answer_is_kept()
    {
        using var replies = Replies(new FakeTimeProvider());

        Assert.Null(await replies.TryAsync(_ => Task.FromResult(new ConnectorResult(ConnectorOutcome.Failed, 503, null, null, 5)), CancellationToken.None));
        Assert.Null(await replies.TryAsync(_ => throw new InvalidOperationException("AADSTS7000222: the client secret expired"), CancellationToken.None));
        Assert.Equal(ConnectorOutcome.NotFound, (await replies.TryAsync(_ => Task.FromResult(new ConnectorResult(ConnectorOutcome.NotFound, 404, null, null, 1)), CancellationToken.None))!.Outcome);
        Assert.Same(Sent, await replies.TryAsync(_ => Task.FromResult(Sent), CancellationToken.None));
    }

    [Fact]
    public async Task The_requests_own_cancellation_is_not_swallowed()
    {
        using var replies = Replies(new FakeTimeProvider());
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => replies.TryAsync(token => Task.FromCanceled<ConnectorResult>(token), aborted.Token));
    }
}
