using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Digests;
using CultureBot.Core.Insights;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Data.Tests;

/// <summary>The outbox: the digest decision and its message in one transaction, and the dispatcher over the real queue.</summary>
public class OutboxTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly DateTimeOffset Sunday = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly ConversationKey Channel = new(Platforms.Slack, "T1", "C1");

    /// <summary>A platform that answers what the test says, and counts what it was asked.</summary>
    private sealed class ScriptedSender(Func<ConversationReference, DeliveryResult> answer) : IProactiveSender
    {
        public ConcurrentQueue<(string Conversation, string? Card)> Sent { get; } = new();

        public string Platform => Platforms.Slack;

        public Task<DeliveryResult> SendAsync(ConversationReference reference, BotMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue((reference.Key.ConversationId, message.Card?.Name));
            return Task.FromResult(answer(reference));
        }

        public Task<DeliveryResult> UpdateAsync(ConversationReference reference, string messageId, BotMessage message, CancellationToken cancellationToken)
        {
            Sent.Enqueue((reference.Key.ConversationId + "#" + messageId, message.Card?.Name));
            return Task.FromResult(answer(reference));
        }
    }

    private static async Task<(TestDatabase Db, SqlWorkQueue Queue, SqlConversationStore Conversations)> SetUpAsync(StorageProvider provider, params string[] conversations)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlConversationStore(db.Database);
        foreach (var id in conversations)
        {
            await store.UpsertReferenceAsync(new ConversationReference(Channel with { ConversationId = id }, ConversationKind.Channel, null, "U0", null, "fr-FR", "Europe/Paris", Sunday), CancellationToken.None);
        }

        return (db, new SqlWorkQueue(db.Database), store);
    }

    private static OutboxDispatcher Dispatcher(SqlWorkQueue queue, SqlConversationStore conversations, IProactiveSender sender, TimeProvider clock, IDeliveryReceipts? receipts = null) =>
        new(queue, conversations, [sender], receipts is null ? [] : [receipts], clock, NullLogger<OutboxDispatcher>.Instance);

    private sealed class ReceiptLog : IDeliveryReceipts
    {
        public ConcurrentQueue<(string Receipt, string MessageId)> Received { get; } = new();

        public Task DeliveredAsync(string receipt, string messageId, CancellationToken cancellationToken)
        {
            Received.Enqueue((receipt, messageId));
            return Task.CompletedTask;
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_message_that_replaces_another_is_an_update_and_a_receipt_reports_the_posted_id(StorageProvider provider)
    {
        var (db, queue, conversations) = await SetUpAsync(provider, "C1");
        await using var _ = db;
        var clock = new FakeTimeProvider(Sunday);
        var sender = new ScriptedSender(_ => new DeliveryResult(DeliveryOutcome.Sent, MessageId: "m-42"));
        var receipts = new ReceiptLog();
        await queue.EnqueueAsync(OutboxMessage.QueueName, (Message("C1") with { Receipt = "quiz-round:g1:1" }).Serialize(), Sunday, CancellationToken.None);
        await Dispatcher(queue, conversations, sender, clock, receipts).RunOnceAsync(CancellationToken.None);
        await queue.EnqueueAsync(OutboxMessage.QueueName, (Message("C1") with { Replaces = "m-42" }).Serialize(), Sunday, CancellationToken.None);
        await Dispatcher(queue, conversations, sender, clock, receipts).RunOnceAsync(CancellationToken.None);

        Assert.Equal([("C1", "digest"), ("C1#m-42", "digest")], sender.Sent);
        Assert.Equal([("quiz-round:g1:1", "m-42")], receipts.Received);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_digest_is_recorded_as_delivered_when_it_is_posted_with_its_message_id_and_nothing_else_is(StorageProvider provider)
    {
        var (db, queue, conversations) = await SetUpAsync(provider, "C1", "C2", "C3");
        await using var _ = db;
        var clock = new FakeTimeProvider(Sunday);
        var engagement = new SqlEngagementStore(db.Database);
        var log = new EngagementLog(engagement, clock, NullLogger<EngagementLog>.Instance);
        var sender = new ScriptedSender(r => r.Key.ConversationId == "C3" ? new DeliveryResult(DeliveryOutcome.Gone, "403") : new DeliveryResult(DeliveryOutcome.Sent, MessageId: "m-" + r.Key.ConversationId));
        await queue.EnqueueAsync(OutboxMessage.QueueName, (Message("C1") with { Purpose = DigestScheduler.Purpose }).Serialize(), Sunday, CancellationToken.None);
        await queue.EnqueueAsync(OutboxMessage.QueueName, Message("C2").Serialize(), Sunday, CancellationToken.None);
        await queue.EnqueueAsync(OutboxMessage.QueueName, (Message("C3") with { Purpose = DigestScheduler.Purpose }).Serialize(), Sunday, CancellationToken.None);

        await new OutboxDispatcher(queue, conversations, [sender], [], clock, NullLogger<OutboxDispatcher>.Instance, log).RunOnceAsync(CancellationToken.None);

        Assert.Equal(3, sender.Sent.Count);
        Assert.Equal(["m-C1"], await engagement.UnreadDigestsAsync(Channel with { ConversationId = "C1" }, Sunday.AddDays(-1), CancellationToken.None));
        var report = await engagement.ReportAsync(Channel.Organization, Sunday.AddDays(-1), Sunday.AddDays(1), CancellationToken.None);
        Assert.Equal([(EngagementKinds.DigestDelivered, 1)], report.Kinds.Select(k => (k.Kind, k.Count)));
        Assert.Equal(0, report.People);
    }

    private static OutboxMessage Message(string conversation) =>
        new(Channel with { ConversationId = conversation }, BotMessage.FromCard("digest", new JsonObject { ["n"] = 1 }), "test");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_digest_decision_is_taken_once_with_its_message_and_its_shown_verbatims(StorageProvider provider)
    {
        var (db, queue, _) = await SetUpAsync(provider);
        await using var _ = db;
        var digests = new SqlDigestStore(db.Database);
        var subscription = new DigestSubscription(Channel, DayOfWeek.Monday, new TimeOnly(9, 0), "UTC", "fr");
        await digests.SubscribeAsync(subscription, Sunday, CancellationToken.None);
        var stored = (await digests.GetAsync(Channel, CancellationToken.None))!;
        var monday = new DateTimeOffset(2026, 11, 23, 9, 0, 30, TimeSpan.Zero);

        var first = await digests.RecordSentAsync(stored, stored.LatestAtOrBefore(monday), [7, 8], false, Message("C1"), monday, CancellationToken.None);
        var second = await digests.RecordSentAsync(stored, stored.LatestAtOrBefore(monday), [9], false, Message("C1"), monday, CancellationToken.None);

        Assert.False(stored.IsDue(Sunday));
        Assert.True(stored.IsDue(monday));
        Assert.True(first);
        Assert.False(second);
        Assert.False((await digests.GetAsync(Channel, CancellationToken.None))!.IsDue(monday));
        Assert.Equal([7L, 8], (await digests.ShownAsync(Channel, CancellationToken.None)).Order());
        Assert.Equal(1, await queue.CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Delivered_items_leave_the_outbox_and_gone_conversations_are_recorded_not_retried(StorageProvider provider)
    {
        var (db, queue, conversations) = await SetUpAsync(provider, "C-ok", "C-gone");
        await using var _ = db;
        var clock = new FakeTimeProvider(Sunday);
        var sender = new ScriptedSender(r => r.Key.ConversationId == "C-gone" ? new DeliveryResult(DeliveryOutcome.Gone, "not_in_channel") : DeliveryResult.Sent);
        foreach (var conversation in new[] { "C-ok", "C-gone", "C-never-seen" })
        {
            await queue.EnqueueAsync(OutboxMessage.QueueName, Message(conversation).Serialize(), Sunday, CancellationToken.None);
        }

        var taken = await Dispatcher(queue, conversations, sender, clock).RunOnceAsync(CancellationToken.None);

        Assert.Equal(3, taken);
        Assert.Equal(["C-gone", "C-ok"], sender.Sent.Select(s => s.Conversation).Order());
        Assert.Equal(0, await queue.CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
        Assert.Equal(2, await queue.CountFailedAsync(OutboxMessage.QueueName, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_rate_limited_item_waits_the_time_the_platform_asked_for(StorageProvider provider)
    {
        var (db, queue, conversations) = await SetUpAsync(provider, "C1");
        await using var _ = db;
        var clock = new FakeTimeProvider(Sunday);
        var answers = new Queue<DeliveryResult>([new DeliveryResult(DeliveryOutcome.RetryLater, "ratelimited", TimeSpan.FromSeconds(30)), DeliveryResult.Sent]);
        var sender = new ScriptedSender(_ => answers.Dequeue());
        await queue.EnqueueAsync(OutboxMessage.QueueName, Message("C1").Serialize(), Sunday, CancellationToken.None);
        var dispatcher = Dispatcher(queue, conversations, sender, clock);

        await dispatcher.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(29));
        var tooEarly = await dispatcher.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        var onTime = await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, tooEarly);
        Assert.Equal(1, onTime);
        Assert.Equal(2, sender.Sent.Count);
        Assert.Equal(0, await queue.CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task After_a_crash_the_items_in_flight_are_sent_when_their_lease_ends_and_nothing_is_lost(StorageProvider provider)
    {
        var (db, queue, conversations) = await SetUpAsync(provider, "C1");
        await using var _ = db;
        var clock = new FakeTimeProvider(Sunday);
        for (var i = 0; i < 120; i++)
        {
            await queue.EnqueueAsync(OutboxMessage.QueueName, Message("C1").Serialize(), Sunday, CancellationToken.None);
        }

        // A dispatcher claims a batch and dies before completing any of it.
        var inFlight = await queue.ClaimAsync(OutboxMessage.QueueName, OutboxDispatcher.BatchSize, clock.GetUtcNow(), OutboxDispatcher.DefaultLease, CancellationToken.None);
        var sender = new ScriptedSender(_ => DeliveryResult.Sent);
        var restarted = Dispatcher(queue, conversations, sender, clock);
        while (await restarted.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        var beforeLease = sender.Sent.Count;
        clock.Advance(OutboxDispatcher.DefaultLease);
        while (await restarted.RunOnceAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(120 - inFlight.Count, beforeLease);
        Assert.Equal(120, sender.Sent.Count);
        Assert.Equal(0, await queue.CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
    }
    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_message_whose_sender_throws_never_holds_the_others_and_is_set_aside_with_its_error_after_its_attempts(StorageProvider provider)
    {
        var healthy = Enumerable.Range(1, 3 * OutboxDispatcher.Parallelism).Select(i => $"C{i}").ToArray();
        var (db, queue, conversations) = await SetUpAsync(provider, ["C-poison", .. healthy]);
        await using var _ = db;
        var clock = new FakeTimeProvider(Sunday);

        // Not an HTTP error: a bad stored service URL, an expired secret, a card that does not render.
        var sender = new ScriptedSender(r => r.Key.ConversationId == "C-poison" ? throw new InvalidOperationException("the card 'digest' does not render") : DeliveryResult.Sent);
        await queue.EnqueueAsync(OutboxMessage.QueueName, Message("C-poison").Serialize(), Sunday, CancellationToken.None);
        foreach (var conversation in healthy)
        {
            await queue.EnqueueAsync(OutboxMessage.QueueName, Message(conversation).Serialize(), Sunday, CancellationToken.None);
        }

        var dispatcher = Dispatcher(queue, conversations, sender, clock);
        await dispatcher.RunOnceAsync(CancellationToken.None);

        Assert.Equal(healthy.Order(), sender.Sent.Select(s => s.Conversation).Where(c => c != "C-poison").Order());
        Assert.Equal(1, await queue.CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));

        // Each attempt waits longer; the last one sets the message aside, with what went wrong.
        for (var attempt = 2; attempt <= OutboxDispatcher.MaxAttempts; attempt++)
        {
            clock.Advance(TimeSpan.FromMinutes(15));
            Assert.Equal(1, await dispatcher.RunOnceAsync(CancellationToken.None));
        }

        Assert.Equal(OutboxDispatcher.MaxAttempts, sender.Sent.Count(s => s.Conversation == "C-poison"));
        Assert.Equal(0, await queue.CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
        var setAside = Assert.Single(await new SqlQueueAdmin(db.Database).ListSetAsideAsync(null, CancellationToken.None));
        Assert.Equal(OutboxMessage.QueueName, setAside.Queue);
        Assert.Equal(OutboxDispatcher.MaxAttempts, setAside.Attempts);
        Assert.Contains("the card 'digest' does not render", setAside.Error, StringComparison.Ordinal);
    }
}
