using System.Net;
using CultureBot.Core.Bot;
using CultureBot.Core.Queue;
using CultureBot.Teams.Inbound;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Conversations;

/// <summary>
/// A Teams turn that fails is done later, not acknowledged and forgotten: a queued one by the inbound worker, an
/// invoke on the Bot Connector's retry; and a turn's replies never take longer than the reply budget (what is late
/// goes out through the outbox).
/// </summary>
public sealed class TeamsTurnFailureTests : IDisposable
{
    private readonly FakeConnector _connector = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private int _flakyCalls;

    public void Dispose() => _connector.Dispose();

    /// <summary>
/// The real host on the test's clock; <paramref name="flaky"/>: with only a command whose first run fails (the database
/// went away mid-turn), and one that always fails.
/// </summary>
    private BotHostFactory Host(bool flaky = false) => new(services: services =>
    {
        services.AddSingleton<TimeProvider>(_clock);
        if (!flaky)
        {
            return;
        }

        services.AddBotRoutes(routes => routes.MapCommand("flaky", [], async (context, cancellationToken) =>
        {
            if (Interlocked.Increment(ref _flakyCalls) == 1)
            {
                throw new InvalidOperationException("the database went away");
            }

            await context.SendAsync(BotMessage.FromText("done at last"), cancellationToken);
        }).MapCommand("broken", [], (_, _) => throw new InvalidOperationException("the database is gone for good")));
    });

    [Fact]
    public async Task A_message_turn_that_fails_is_tried_again_by_the_inbound_worker_and_done_once()
    {
        using var host = Host(flaky: true);
        var client = host.CreateClient();
        var message = Activities.Message(_connector.ServiceUrl, "flaky");

        var stored = await Activities.PostAsync(client, message);
        var sentAgain = await Activities.PostAsync(client, message);

        // The failed turn is due again after the worker's backoff, on the host's clock.
        var reply = await FakeClockWait.UntilAsync(
            _clock, () => _connector.Calls is [var first, ..] ? first.Body : null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), 300, () => "the failed turn was never tried again");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stored.StatusCode, sentAgain.StatusCode));
        Assert.Equal("done at last", reply["text"]?.GetValue<string>());
        Assert.Equal(2, _flakyCalls);
        Assert.Single(_connector.Calls);
        Assert.Empty(await host.Services.GetRequiredService<IQueueAdmin>().ListSetAsideAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_turn_that_keeps_failing_is_set_aside_for_an_operator_after_the_same_attempts_as_slacks()
    {
        using var host = Host(flaky: true);
        var admin = host.Services.GetRequiredService<IQueueAdmin>();

        await Activities.PostAsync(host.CreateClient(), Activities.Message(_connector.ServiceUrl, "broken"));
        var setAside = await FakeClockWait.UntilAsync(
            _clock,
            async () => await admin.ListSetAsideAsync(TeamsInboundPlatform.QueueName, CancellationToken.None) is [var item] ? item : null,
            TimeSpan.FromMinutes(1),
            TimeSpan.FromMilliseconds(100),
            600,
            () => "the failing turn was never set aside");

        Assert.Equal(InboundWork.MaxAttempts, setAside.Attempts);
        Assert.Contains("gone for good", setAside.Error, StringComparison.Ordinal);
        Assert.Empty(_connector.Calls);
    }

    [Fact]
    public async Task An_invoke_that_fails_answers_500_and_is_done_when_the_bot_connector_sends_it_again()
    {
        using var host = Host(flaky: true);
        var client = host.CreateClient();
        var click = Activities.Invoke(_connector.ServiceUrl, "flaky");

        var failed = await Activities.PostAsync(client, click);
        var retried = await Activities.PostAsync(client, click);
        var again = await Activities.PostAsync(client, click);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, _flakyCalls);
        var reply = Assert.Single(_connector.Calls);
        Assert.Equal("done at last", reply.Body?["text"]?.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_the_bot_connector_holds_is_given_up_at_the_budget_and_posted_through_the_outbox()
    {
        using var host = Host();
        var client = host.CreateClient();
        _connector.HoldReplies(TimeSpan.FromSeconds(20));
        var message = Activities.Message(_connector.ServiceUrl, "help");

        // The clock runs on while the host waits on the held reply.
        var posting = Activities.PostAsync(client, message);
        await FakeClockWait.UntilAsync(
            _clock, () => posting.IsCompleted ? "answered" : null, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), 600, () => "the turn never answered");

        Assert.Equal(HttpStatusCode.OK, (await posting).StatusCode);
        var posted = await FakeClockWait.UntilAsync(
            _clock,
            () => _connector.Calls.FirstOrDefault(c => c.Path == "/_connector/v3/conversations/conv-1/activities").Body,
            TimeSpan.FromSeconds(1),
            TimeSpan.FromMilliseconds(100),
            300,
            () => "the help card never went out through the outbox");
        Assert.Equal("AdaptiveCard", posted!["attachments"]![0]!["content"]!["type"]!.GetValue<string>());
    }
}
