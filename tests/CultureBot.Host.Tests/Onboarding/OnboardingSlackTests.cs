using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Onboarding;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Onboarding;

/// <summary>
/// Onboarding over signed Slack requests, on a fake clock: a channel turns onboarding on, a French newcomer joins on
/// a Friday morning, and gets one card a working day at 9:00 Paris time in a direct message — Friday, then Monday
/// to Thursday, nothing on the weekend — in French.
/// </summary>
public sealed class OnboardingSlackTests : IDisposable
{
    private const string Channel = "C0WELCOME01";
    private const string Newcomer = "UFRNEWBIE01";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero)); // Friday 9:30 in Paris
    private readonly SlackTestHost _slack;

    public OnboardingSlackTests() => _slack = new SlackTestHost(SlackTestHost.OnlyTheFakeWorkspace, clock: _clock);

    public void Dispose() => _slack.Dispose();

    [Fact]
    public async Task A_newcomer_gets_a_card_each_working_day_at_nine_local_time_skipping_the_weekend()
    {
        await CommandAsync("U0MANAGER01", "onboarding on", "on");
        Assert.Contains("Onboarding on", Text((await _slack.Api.WaitForAsync("hooks/on"))[0]), StringComparison.Ordinal);
        await EventAsync(new JsonObject { ["type"] = "member_joined_channel", ["user"] = Newcomer, ["channel"] = Channel, ["channel_type"] = "C", ["team"] = FakeSlackApi.TeamId }, "Ev-join-1");

        var store = _slack.Services.GetRequiredService<IOnboardingStore>();
        var person = new ConversationKey(Platforms.Slack, FakeSlackApi.TeamId, Newcomer);
        var enrolment = await WaitForAsync(() => store.GetAsync(person, CancellationToken.None));
        Assert.Equal(("Europe/Paris", "fr", EnrolmentStatus.Active), (enrolment.TimeZone, enrolment.Language, enrolment.Status));

        // The same person joining another channel is not enrolled twice.
        await EventAsync(new JsonObject { ["type"] = "member_joined_channel", ["user"] = Newcomer, ["channel"] = Channel, ["channel_type"] = "C", ["team"] = FakeSlackApi.TeamId }, "Ev-join-2");

        var scheduler = _slack.Services.GetRequiredService<OnboardingScheduler>();
        var instants = new[]
        {
            new DateTimeOffset(2026, 11, 20, 8, 31, 0, TimeSpan.Zero),  // Friday, 9:31 in Paris: the first card, due since 9:00
            new DateTimeOffset(2026, 11, 21, 8, 0, 0, TimeSpan.Zero),   // Saturday
            new DateTimeOffset(2026, 11, 22, 8, 0, 0, TimeSpan.Zero),   // Sunday
            new DateTimeOffset(2026, 11, 23, 7, 59, 0, TimeSpan.Zero),  // Monday 8:59
            new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero),   // Monday 9:00
            new DateTimeOffset(2026, 11, 24, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero),
        };
        var postsAt = new List<int>();
        foreach (var instant in instants)
        {
            _clock.SetUtcNow(instant);
            await scheduler.SendDueAsync(instant, CancellationToken.None);
            await scheduler.SendDueAsync(instant, CancellationToken.None); // a second check (another host): nothing more
            postsAt.Add((await SettledPostsAsync()).Count);
        }

        Assert.Equal([1, 1, 1, 1, 2, 3, 4, 5], postsAt);
        var cards = _slack.Api.Calls("chat.postMessage");
        Assert.All(cards, c => Assert.Equal("D0NEWCOMER1", c["channel"]!.GetValue<string>()));
        Assert.Equal(
            ["Jour 1/8", "Jour 2/8", "Jour 3/8", "Jour 4/8", "Jour 5/8"],
            cards.Select(c => System.Text.RegularExpressions.Regex.Match(Text(c), "Jour \\d/\\d").Value));
        Assert.Contains("Qui sont nos clients ?", Text(cards[0]), StringComparison.Ordinal);
        Assert.Contains("Voici Camille", Text(cards[1]), StringComparison.Ordinal);
        Assert.Equal(5, (await store.GetAsync(person, CancellationToken.None))!.NextStep);
    }

    [Fact]
    public async Task Onboarding_on_for_the_whole_workspace_enrols_whoever_joins_it()
    {
        var store = _slack.Services.GetRequiredService<IOnboardingStore>();
        var newcomer = new ConversationKey(Platforms.Slack, FakeSlackApi.TeamId, "UFRNINA0001");
        var join = new JsonObject { ["type"] = "team_join", ["user"] = new JsonObject { ["id"] = "UFRNINA0001", ["real_name"] = "Nina" } };

        // Off: joining the workspace enrols nobody.
        await EventAsync(join, "Ev-team-join-1");
        await WaitForAsync(() => Task.FromResult(_slack.Api.Calls("users.info").Count > 0 ? "seen" : null));
        Assert.Null(await store.GetAsync(newcomer, CancellationToken.None));

        await CommandAsync("U0MANAGER01", "onboarding on workspace", "workspace");
        Assert.Contains("Onboarding on for the whole workspace", Text(await WaitForAsync(() => Task.FromResult(_slack.Api.Calls("hooks/workspace") is [var first, ..] ? first : null))), StringComparison.Ordinal);
        await EventAsync(join.DeepClone().AsObject(), "Ev-team-join-2");
        var enrolment = await WaitForAsync(() => store.GetAsync(newcomer, CancellationToken.None));
        Assert.Equal(("Nina", "Europe/Paris", "fr"), (enrolment.Name, enrolment.TimeZone, enrolment.Language));
    }

    [Fact]
    public async Task A_manager_enrols_newcomers_by_mention_and_hears_when_each_one_completes_the_journey()
    {
        await CommandAsync("U0MANAGER01", "onboarding enrol <@UFRNADIA01|nadia> <@U0TOM000001|tom>", "enrol");
        Assert.Contains("Enrolled: nadia, tom", Text((await _slack.Api.WaitForAsync("hooks/enrol"))[0]), StringComparison.Ordinal);
        await CommandAsync("U0MANAGER01", "onboarding enrol <@UFRNADIA01|nadia>", "again");
        Assert.Contains("Already on the journey: nadia", Text((await _slack.Api.WaitForAsync("hooks/again"))[0]), StringComparison.Ordinal);

        var store = _slack.Services.GetRequiredService<IOnboardingStore>();
        var nadia = (await store.GetAsync(new ConversationKey(Platforms.Slack, FakeSlackApi.TeamId, "UFRNADIA01"), CancellationToken.None))!;
        Assert.Equal(("U0MANAGER01", "U0MANAGER01"), (nadia.EnrolledBy, nadia.ReportTo?.ConversationId));

        // Eight working days later (a card each morning, none on the weekend), the journey is complete and the manager
        // told, once per newcomer. The time zone is the enrolling conversation's (here the manager's, New York).
        Assert.Equal("America/New_York", nadia.TimeZone);
        var scheduler = _slack.Services.GetRequiredService<OnboardingScheduler>();
        var day = new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.Zero); // 10:00 in New York
        for (var i = 0; i < 14; i++, day = day.AddDays(1))
        {
            _clock.SetUtcNow(day);
            await scheduler.SendDueAsync(day, CancellationToken.None);
        }

        var posts = await SettledPostsAsync();
        Assert.Equal(8, (await store.GetAsync(nadia.Person, CancellationToken.None))!.NextStep);
        Assert.Equal(EnrolmentStatus.Completed, (await store.GetAsync(nadia.Person, CancellationToken.None))!.Status);
        Assert.Equal(16, posts.Count(p => Text(p).Contains("Getting to know our customers", StringComparison.Ordinal)));
        Assert.Equal(2, posts.Count(p => Text(p).Contains("has completed the customer onboarding (8 cards)", StringComparison.Ordinal)));
    }

    /// <summary>The outbox and Slack's pacing wait on the fake clock: moves it on a second at a time until the outbox is empty.</summary>
    private async Task<IReadOnlyList<JsonObject>> SettledPostsAsync()
    {
        for (var i = 0; i < 30; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
            if (await _slack.Services.GetRequiredService<Core.Queue.IWorkQueue>().CountPendingAsync(Core.Delivery.OutboxMessage.QueueName, CancellationToken.None) == 0)
            {
                break;
            }
        }

        return _slack.Api.Calls("chat.postMessage");
    }

    /// <summary>Waits for the worker, moving the fake clock on a little (the Slack client paces users.info on it).</summary>
    private Task<T> WaitForAsync<T>(Func<Task<T?>> probe)
        where T : class =>
        FakeClockWait.UntilAsync(_clock, probe, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100), 100, () => "never came");

    private static string Text(JsonObject message) => SignedSlack.Text(message);

    private Task CommandAsync(string user, string text, string hook) => _slack.Signed.CommandAsync(Channel, user, text, _slack.Api.ResponseUrl(hook));

    private Task EventAsync(JsonObject ev, string eventId) => _slack.Signed.EventAsync(ev, eventId);
}
