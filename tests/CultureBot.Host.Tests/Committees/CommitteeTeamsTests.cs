using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Core.Committees;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Committees;

/// <summary>
/// A customer committee in a Teams channel through the real pipeline, on a fake clock: a meeting planned in March
/// for 16 April 2026 in Paris, the host restarted, and the reminders then arriving from the second host, in order,
/// each at 9:00 Paris time — 08:00 UTC before the change to summer time on 29 March, 07:00 UTC after it.
/// </summary>
public sealed class CommitteeTeamsTests : IDisposable
{
    private const string Channel = "19:panel@thread.tacv2";
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly FakeConnector _connector = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly string _database = Path.Combine(Directory.CreateTempSubdirectory("culturebot-committee-").FullName, "culturebot.db");

    public void Dispose() => _connector.Dispose();

    private BotHostFactory NewHost() => new(
        new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={_database}",
            ["Committees:PublicUrl"] = "https://culturebot.example.com",
            // The test makes the checks itself, at chosen instants: Quartz's minute check (on the same fake clock) stays out of the way.
            ["Scheduling:DigestCheck"] = "0 0 0 1 1 ? 2099",
        },
        services => services.AddSingleton<TimeProvider>(_clock));

    [Fact]
    public async Task Reminders_planned_before_a_restart_arrive_in_order_at_nine_local_across_the_change_to_summer_time()
    {
        string icsPath;
        using (var first = NewHost())
        {
            var client = first.CreateClient();
            await SayAsync(client, "committee create Customer panel");
            await SayAsync(client, "committee meeting 2026-04-16 18:30 Head office, room 4");
            var notice = Text(_connector.Cards[^1]);
            Assert.Contains("Meeting planned", notice, StringComparison.Ordinal);
            Assert.Contains("Thursday 16 April 2026, 18:30–21:00 (Europe/Paris)", notice, StringComparison.Ordinal);
            icsPath = new Uri(_connector.Cards[^1]["actions"]!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Action.OpenUrl")!["url"]!.GetValue<string>()).AbsolutePath;

            var ics = await client.GetAsync(icsPath);
            Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
            var body = await ics.Content.ReadAsStringAsync();
            Assert.Contains("DTSTART;TZID=Europe/Paris:20260416T183000\r\n", body, StringComparison.Ordinal);
            Assert.Contains("LOCATION:Head office\\, room 4\r\n", body, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/committees/invitations/00000000000000000000000000000000.ics")).StatusCode);
        }

        using var second = NewHost();
        var again = second.CreateClient();
        var scheduler = second.Services.GetRequiredService<CommitteeScheduler>();
        var reminders = new (DateTimeOffset At, string Expect, bool ToOwner)[]
        {
            (new(2026, 3, 26, 8, 0, 0, TimeSpan.Zero), "Three weeks to go: confirm the customer members", true),
            (new(2026, 4, 2, 7, 0, 0, TimeSpan.Zero), "Come and listen to our customers", false),
            (new(2026, 4, 9, 7, 0, 0, TimeSpan.Zero), "What should we ask our customers?", false),
            (new(2026, 4, 15, 7, 0, 0, TimeSpan.Zero), "Tomorrow: the customer committee", false),
            (new(2026, 4, 17, 7, 0, 0, TimeSpan.Zero), "Yesterday's committee: what did the customers say?", false),
        };

        foreach (var (at, expect, toOwner) in reminders)
        {
            _clock.SetUtcNow(at.AddMinutes(-1));
            Assert.Equal(0, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
            _clock.SetUtcNow(at);
            Assert.Equal(1, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
            Assert.Equal(0, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None)); // a second check sends nothing more

            var (path, card) = await NextProactiveCardAsync();
            Assert.Contains(expect, Text(card), StringComparison.Ordinal);
            Assert.Equal(toOwner, path.StartsWith("/_connector/v3/conversations/a:1on1-", StringComparison.Ordinal));

            if (expect.StartsWith("Come and listen", StringComparison.Ordinal))
            {
                Assert.Contains("you'll be there. 1 attending so far", await ExecuteAsync(again, "committee-rsvp", "1:yes", new JsonObject()), StringComparison.Ordinal);
            }

            if (expect.StartsWith("What should we ask", StringComparison.Ordinal))
            {
                Assert.Contains("your question is in: 1 so far", await ExecuteAsync(again, "committee-question", "1", new JsonObject { ["question"] = "What would make you recommend us?" }), StringComparison.Ordinal);
            }

            if (expect.StartsWith("Tomorrow", StringComparison.Ordinal))
            {
                Assert.Contains("Alex Wilber", Text(card), StringComparison.Ordinal);
                Assert.Contains("What would make you recommend us?", Text(card), StringComparison.Ordinal);
            }
        }

        // Nothing else is due until the first monthly nudge, a month after the meeting, to the owner.
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 16, 6, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        _clock.SetUtcNow(new DateTimeOffset(2026, 5, 16, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        Assert.Contains("Keep the committee alive between meetings", Text((await NextProactiveCardAsync()).Card), StringComparison.Ordinal);

        // Two years after the sample pack's last refresh (2 June 2026), the owner is told to refresh the personas, once;
        // the second nudge, two years late, is dropped rather than sent.
        _clock.SetUtcNow(new DateTimeOffset(2028, 6, 5, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(0, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        var (ownerChat, freshness) = await NextProactiveCardAsync();
        Assert.Contains("Time to refresh the personas", Text(freshness), StringComparison.Ordinal);
        Assert.StartsWith("/_connector/v3/conversations/a:1on1-", ownerChat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moved_meeting_moves_its_reminders_and_a_cancelled_one_sends_none()
    {
        using var host = NewHost();
        var client = host.CreateClient();
        await SayAsync(client, "committee create Customer panel");
        await SayAsync(client, "committee meeting 16/04/2026 18h30");
        await SayAsync(client, "committee move 1 23/04/2026");
        Assert.Contains("Meeting moved", Text(_connector.Cards[^1]), StringComparison.Ordinal);
        Assert.Contains("Thursday 23 April 2026, 18:30–21:00", Text(_connector.Cards[^1]), StringComparison.Ordinal);

        var store = host.Services.GetRequiredService<ICommitteeStore>();
        var pending = await store.PendingRemindersAsync(1, CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 7, 0, 0, TimeSpan.Zero), pending.Single(r => r.Kind == ReminderKind.Invite).DueAt);

        await SayAsync(client, "committee");
        Assert.Contains("#1 · Thursday 23 April 2026", Text(_connector.Cards[^1]), StringComparison.Ordinal);

        // No date: the next meeting by the cadence, three months later on the same weekday (Thursday 23 July), same time.
        await SayAsync(client, "committee meeting");
        Assert.Contains("Thursday 23 July 2026, 18:30–21:00", Text(_connector.Cards[^1]), StringComparison.Ordinal);

        await SayAsync(client, "committee cancel 1");
        Assert.Contains("Meeting cancelled", Text(_connector.Cards[^1]), StringComparison.Ordinal);
        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 30, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await host.Services.GetRequiredService<CommitteeScheduler>().SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        Assert.Equal(MeetingStatus.Cancelled, (await store.MeetingAsync(1, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_date_too_far_ahead_gets_a_clear_answer_in_the_users_language_not_a_server_error()
    {
        using var host = NewHost();
        var client = host.CreateClient();
        await SayAsync(client, "committee create Customer panel");

        await SayAsync(client, "committee meeting 9999-12-31 23:59");
        Assert.Contains("That date is too far ahead: plan meetings within the next 5 years.", _connector.Calls[^1].Body?["text"]?.GetValue<string>(), StringComparison.Ordinal);
        await SayAsync(client, "comité réunion 31/12/9999 23h59", locale: "fr-FR");
        Assert.Contains("Cette date est trop lointaine", _connector.Calls[^1].Body?["text"]?.GetValue<string>(), StringComparison.Ordinal);

        // Moving a meeting there is refused the same way, and the meeting stays where it was.
        await SayAsync(client, "committee meeting 16/04/2026 18h30");
        await SayAsync(client, "committee move 1 9999-12-31");
        Assert.Contains("too far ahead", _connector.Calls[^1].Body?["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 4, 16, 18, 30, 0), (await host.Services.GetRequiredService<ICommitteeStore>().MeetingAsync(1, CancellationToken.None))!.LocalStart);
    }

    private async Task SayAsync(HttpClient client, string text, string locale = "en-US")
    {
        var before = _connector.Calls.Count;
        var message = Activities.Message(_connector.ServiceUrl, text, locale, conversationId: Channel);
        message["conversation"]!["conversationType"] = "channel";
        message["localTimezone"] = "Europe/Paris";
        (await Activities.PostAsync(client, message)).EnsureSuccessStatusCode();
        Assert.True(_connector.Calls.Count > before, $"no answer to '{text}'");
    }

    /// <summary>A click on an <c>Action.Execute</c> button (an invoke); its answer, for the clicker alone, is the invoke's response.</summary>
    private async Task<string> ExecuteAsync(HttpClient client, string verb, string args, JsonObject inputs)
    {
        inputs["args"] = args;
        var click = Activities.Invoke(_connector.ServiceUrl, verb, inputs, Channel);
        click["conversation"]!["conversationType"] = "channel";
        var response = await Activities.PostAsync(client, click);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["value"]!.GetValue<string>();
    }

    /// <summary>The next card the outbox delivers (the worker waits on the clock between rounds, so the clock ticks).</summary>
    private async Task<(string Path, JsonNode Card)> NextProactiveCardAsync()
    {
        var seen = _delivered;
        var cards = await FakeClockWait.UntilAsync(
            _clock,
            () => _connector.Calls.Where(c => c.Method == "POST" && c.Path.EndsWith("/activities", StringComparison.Ordinal) && c.Body?["attachments"] is JsonArray { Count: > 0 }).ToList() is { } delivered && delivered.Count > seen ? delivered : null,
            TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(50), 200,
            () => "no card was delivered: " + string.Join(" | ", _connector.Calls.Select(c => $"{c.Method} {c.Path}")));
        _delivered = cards.Count;
        return (cards[seen].Path, cards[seen].Body!["attachments"]![0]!["content"]!);
    }

    private int _delivered;

    private static string Text(JsonNode card) => card.ToJsonString(Relaxed);
}
