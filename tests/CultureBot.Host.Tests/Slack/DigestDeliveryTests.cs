using CultureBot.Core.Delivery;
using CultureBot.Core.Digests;
using CultureBot.Core.Queue;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace CultureBot.Host.Tests.Slack;

/// <summary>
/// A channel subscribes by command on Sunday; when the (fake) clock reaches Monday 9:00 in its time zone, the digest
/// check that Quartz runs every minute puts the digest in the outbox and the dispatcher posts it, once.
/// </summary>
public sealed class DigestDeliveryTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly SlackTestHost _slack;

    public DigestDeliveryTests() => _slack = new SlackTestHost(SlackTestHost.OnlyTheFakeWorkspace, clock: _clock);

    public void Dispose() => _slack.Dispose();

    private Task CommandAsync(string text, string responseUrl) =>
        _slack.Signed.CommandAsync("C0DIGEST001", "U05RAVI9KQ2", text, responseUrl);

    /// <summary>Lets the host's workers run: they wait on the fake clock between rounds.</summary>
    private Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> WaitForPostsAsync(int count) =>
        FakeClockWait.UntilAsync(
            _clock, () => _slack.Api.Calls("chat.postMessage") is { } calls && calls.Count >= count ? calls : null,
            TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), 200, () => "no digest was posted");

    private async Task<IScheduler> SchedulerAsync()
    {
        var name = _slack.Services.GetRequiredService<CultureBot.Scheduling.CultureBotScheduler>().Name;
        var factory = _slack.Services.GetKeyedService<ISchedulerFactory>(name) ?? throw new InvalidOperationException("no keyed scheduler factory");
        return (await factory.LookupScheduler(name, CancellationToken.None)) ?? await factory.GetScheduler(CancellationToken.None);
    }

    [Fact]
    public async Task The_digest_is_posted_when_the_clock_reaches_the_channels_hour_and_only_once()
    {
        await CommandAsync("digest on monday 9:00 Europe/Paris", _slack.Api.ResponseUrl("subscribe"));
        await _slack.Api.WaitForAsync("hooks/subscribe");
        var scheduler = _slack.Services.GetRequiredService<DigestScheduler>();

        // The test runs the digest check at the fake times it chooses; Quartz also runs it every real minute, with
        // the same fake clock, and may take the decision first: either way, exactly one digest may come out.
        var sundayEvening = await scheduler.SendDueAsync(new DateTimeOffset(2026, 11, 22, 22, 0, 0, TimeSpan.Zero), CancellationToken.None);
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 7, 59, 0, TimeSpan.Zero));
        var aMinuteEarly = await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        var postsBefore = _slack.Api.Calls("chat.postMessage").Count;
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero)); // 9:00 in Paris
        var onTime = await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        var again = await scheduler.SendDueAsync(_clock.GetUtcNow().AddMinutes(1), CancellationToken.None);

        Assert.Equal((0, 0, 0, 0), (sundayEvening, aMinuteEarly, postsBefore, again));
        Assert.InRange(onTime, 0, 1);
        var post = Assert.Single(await WaitForPostsAsync(1));
        Assert.Equal("C0DIGEST001", post["channel"]!.GetValue<string>());
        Assert.Equal("This week's customer verbatims", post["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        var subscription = (await _slack.Services.GetRequiredService<IDigestStore>().ListAsync(CancellationToken.None)).Single();
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero), subscription.LastSentFor);
        await Task.Delay(500);
        Assert.Single(_slack.Api.Calls("chat.postMessage"));
        Assert.Equal(0, await _slack.Services.GetRequiredService<IWorkQueue>().CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
    }

    [Fact]
    public async Task Quartz_runs_the_digest_check_every_minute()
    {
        var scheduler = await SchedulerAsync();

        var triggers = await scheduler.GetTriggersOfJob(new JobKey("digests", "culturebot"));

        var cron = Assert.IsAssignableFrom<ICronTrigger>(Assert.Single(triggers));
        Assert.Equal("0 * * * * ?", cron.CronExpressionString);
    }
}
