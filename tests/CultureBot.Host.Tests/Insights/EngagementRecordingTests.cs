using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;
using CultureBot.Core.Insights;
using CultureBot.Core.Onboarding;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Insights;

/// <summary>
/// What the studio counts beyond chat turns, recorded through the real host in Teams (fake clock, SQLite): a digest
/// delivered by the outbox and read (a read receipt), a newcomer's journey from enrolment to the last card, and a
/// committee's RSVPs, questions and minutes.
/// </summary>
public sealed class EngagementRecordingTests : IDisposable
{
    private static readonly OrganizationKey Playground = new(Platforms.Teams, Activities.Tenant);
    private readonly FakeConnector _connector = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero)); // a Sunday
    private readonly BotHostFactory _host;

    public EngagementRecordingTests() => _host = new BotHostFactory(
        new Dictionary<string, string?> { ["Scheduling:DigestCheck"] = "0 0 0 1 1 ? 2099" }, // the test makes the checks itself
        services => services.AddSingleton<TimeProvider>(_clock));

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
    }

    private IEngagementStore Store => _host.Services.GetRequiredService<IEngagementStore>();

    private Task<EngagementReport> ReportAsync(string? conversation = null) =>
        Store.ReportAsync(new EngagementQuery(Playground, _clock.GetUtcNow().AddYears(-1), _clock.GetUtcNow().AddDays(1), conversation), CancellationToken.None);

    [Fact]
    public async Task A_digest_counts_as_delivered_when_the_outbox_posts_it_and_as_read_when_teams_sends_its_read_receipt()
    {
        var client = _host.CreateClient();
        await SayAsync(client, Activities.Message(_connector.ServiceUrl, "digest on"));
        _clock.Advance(TimeSpan.FromDays(8));
        Assert.Equal(1, await _host.Services.GetRequiredService<DigestScheduler>().SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));

        var delivered = await FakeClockWait.UntilAsync(
            _clock, async () => await ReportAsync() is { Digests.Delivered: > 0 } report ? report : null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), 200,
            () => "no digest delivered: " + string.Join(" | ", _connector.Calls.Select(c => $"{c.Method} {c.Path}")));
        Assert.Equal((1, 0), (delivered.Digests.Delivered, delivered.Digests.Read));
        Assert.Equal([("conv-1", 1, 0)], delivered.Digests.PerConversation.Select(c => (c.ConversationId, c.Delivered, c.Read)));

        await SayAsync(client, ReadReceipt());
        await SayAsync(client, ReadReceipt());

        var read = await ReportAsync("conv-1");
        Assert.Equal((1, 1), (read.Digests.Delivered, read.Digests.Read));
        Assert.Equal(1, read.CountOf(EngagementKinds.MessageRead)); // the second receipt follows no unread digest
        Assert.Equal(1, read.People);
    }

    [Fact]
    public async Task A_newcomers_journey_is_recorded_from_enrolment_to_completion()
    {
        var client = _host.CreateClient();
        await SayAsync(client, Activities.Message(_connector.ServiceUrl, "onboarding start"));
        var onboarding = _host.Services.GetRequiredService<IOnboardingStore>();
        var scheduler = _host.Services.GetRequiredService<OnboardingScheduler>();
        var newcomer = new ConversationKey(Platforms.Teams, Activities.Tenant, "user-id-0");
        var started = await ReportAsync();
        Assert.Equal(new OnboardingFunnel(1, 0, 0), started.Onboarding);

        for (var card = 0; card < 20 && (await onboarding.GetAsync(newcomer, CancellationToken.None))! is { Status: EnrolmentStatus.Active } enrolment; card++)
        {
            if (enrolment.NextDueAt > _clock.GetUtcNow())
            {
                _clock.SetUtcNow(enrolment.NextDueAt);
            }

            await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None);
        }

        var report = await ReportAsync();
        Assert.Equal(new OnboardingFunnel(1, 1, 1), report.Onboarding);
        Assert.Equal(8, report.CountOf(EngagementKinds.OnboardingCardDelivered));
        Assert.Equal(1, report.CountOf(EngagementKinds.OnboardingCompleted));
        Assert.Equal(1, report.People);
    }

    [Fact]
    public async Task A_committees_rsvps_questions_and_minutes_are_recorded_in_its_channel()
    {
        const string channel = "19:panel@thread.tacv2";
        var client = _host.CreateClient();
        await SayAsync(client, InChannel(Activities.Message(_connector.ServiceUrl, "committee create Customer panel", conversationId: channel)));
        await SayAsync(client, InChannel(Activities.Message(_connector.ServiceUrl, "committee meeting 2026-12-10 18:30", conversationId: channel)));

        await SayAsync(client, InChannel(Activities.Invoke(_connector.ServiceUrl, "committee-rsvp", new JsonObject { ["args"] = "1:yes" }, channel)));
        await SayAsync(client, InChannel(Activities.Invoke(_connector.ServiceUrl, "committee-question", new JsonObject { ["args"] = "1", ["question"] = "What would make you come back?" }, channel)));
        await SayAsync(client, InChannel(Activities.Invoke(_connector.ServiceUrl, "committee-question", new JsonObject { ["args"] = "1", ["question"] = string.Empty }, channel)));
        await SayAsync(client, InChannel(Activities.Invoke(_connector.ServiceUrl, "committee-minutes", new JsonObject { ["args"] = "1", ["minutes"] = "https://example.com/minutes" }, channel)));

        var report = await ReportAsync(channel);
        Assert.Equal((1, 1, 1), (report.CountOf(EngagementKinds.CommitteeRsvp), report.CountOf(EngagementKinds.CommitteeQuestion), report.CountOf(EngagementKinds.CommitteeMinutes)));
        Assert.Empty((await ReportAsync("conv-1")).Kinds);
    }

    private JsonObject ReadReceipt() =>
        Activities.Base("event", _connector.ServiceUrl, "conv-1", "en-US", new JsonObject
        {
            ["name"] = "application/vnd.microsoft.readReceipt",
            ["value"] = new JsonObject { ["lastReadMessageId"] = "1733580000000" },
        });

    private static JsonObject InChannel(JsonObject activity)
    {
        activity["conversation"]!["conversationType"] = "channel";
        return activity;
    }

    private static async Task SayAsync(HttpClient client, JsonObject activity) =>
        (await Activities.PostAsync(client, activity)).EnsureSuccessStatusCode();
}
