using System.Net;
using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Insights;
using CultureBot.Core.Queue;
using CultureBot.Scheduling;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Conversations;

/// <summary>What an operator sees of the queues at <c>/healthz</c>, and the retention purge, in the running host.</summary>
public sealed class QueueOperatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly BotHostFactory _host = new(new Dictionary<string, string?>
    {
        ["Retention:InboundEvents"] = "2.00:00:00",
        ["Retention:SetAside"] = "3.00:00:00",
        ["Retention:Engagement"] = "4.00:00:00",
    });

    public void Dispose() => _host.Dispose();

    private IWorkQueue Queue => _host.Services.GetRequiredService<IWorkQueue>();

    [Fact]
    public async Task Healthz_shows_every_queues_pending_failing_and_set_aside_counts()
    {
        var client = _host.CreateClient();
        var empty = JsonNode.Parse(await client.GetStringAsync("/healthz"))!;

        // Not due for a day: the outbox worker leaves them be while the test looks.
        var failing = await Queue.EnqueueAsync(OutboxMessage.QueueName, "{}", Now.AddYears(10), CancellationToken.None);
        var poison = await Queue.EnqueueAsync(OutboxMessage.QueueName, "{}", Now.AddYears(10), CancellationToken.None);
        await Queue.EnqueueAsync(OutboxMessage.QueueName, "{}", Now.AddYears(10), CancellationToken.None);
        await Queue.RetryAsync(failing, Now.AddYears(10), "HttpRequestException: 503", CancellationToken.None);
        await Queue.FailAsync(poison, "gave up after 10 attempts: InvalidOperationException: bad card", Now, CancellationToken.None);
        var response = await client.GetAsync("/healthz");
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("Healthy", empty["status"]!.GetValue<string>());
        Assert.Equal(0, empty["queues"]!["slack-inbound"]!["pending"]!.GetValue<int>());
        Assert.Equal(0, empty["queues"]!["teams-inbound"]!["pending"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded", health["status"]!.GetValue<string>());
        Assert.Contains("culturebot queue list", health["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((2, 1, 1), (health["queues"]!["outbox"]!["pending"]!.GetValue<int>(), health["queues"]!["outbox"]!["failing"]!.GetValue<int>(), health["queues"]!["outbox"]!["setAside"]!.GetValue<int>()));
    }

    [Fact]
    public async Task The_retention_purge_removes_inbound_ids_set_aside_items_and_engagement_events_older_than_the_settings()
    {
        _host.CreateClient();
        var conversations = _host.Services.GetRequiredService<IConversationStore>();
        await conversations.TryRecordInboundAsync(new OrganizationKey(Platforms.Teams, "tenant-a"), "old", Now.AddDays(-2).AddMinutes(-1), CancellationToken.None);
        await conversations.TryRecordInboundAsync(new OrganizationKey(Platforms.Teams, "tenant-a"), "recent", Now.AddDays(-1), CancellationToken.None);
        var old = await Queue.EnqueueAsync(OutboxMessage.QueueName, "{}", Now.AddYears(10), CancellationToken.None);
        var recent = await Queue.EnqueueAsync(OutboxMessage.QueueName, "{}", Now.AddYears(10), CancellationToken.None);
        await Queue.FailAsync(old, "gone: 403", Now.AddDays(-3).AddMinutes(-1), CancellationToken.None);
        await Queue.FailAsync(recent, "gone: 403", Now.AddDays(-2), CancellationToken.None);
        var engagement = _host.Services.GetRequiredService<IEngagementStore>();
        var organization = new OrganizationKey(Platforms.Teams, "tenant-a");
        await engagement.AddAsync(new EngagementEvent(organization, Now.AddDays(-4).AddMinutes(-1), EngagementKinds.SheetOpened, "p1", "conv-1", "camille"), CancellationToken.None);
        await engagement.AddAsync(new EngagementEvent(organization, Now.AddDays(-3), EngagementKinds.SheetOpened, "p1", "conv-1", "ines"), CancellationToken.None);

        var purged = await _host.Services.GetRequiredService<RetentionPurge>().SendDueAsync(Now, CancellationToken.None);

        Assert.Equal(3, purged);
        var left = await engagement.ReportAsync(organization, Now.AddDays(-10), Now, CancellationToken.None);
        Assert.Equal(["ines"], left.PersonasAskedAbout.Select(p => p.PersonaId));
        Assert.True(await conversations.TryRecordInboundAsync(new OrganizationKey(Platforms.Teams, "tenant-a"), "old", Now, CancellationToken.None));
        Assert.False(await conversations.TryRecordInboundAsync(new OrganizationKey(Platforms.Teams, "tenant-a"), "recent", Now, CancellationToken.None));
        var kept = await _host.Services.GetRequiredService<IQueueAdmin>().ListSetAsideAsync(null, CancellationToken.None);
        Assert.Equal([recent], kept.Select(i => i.Id));
    }
}
