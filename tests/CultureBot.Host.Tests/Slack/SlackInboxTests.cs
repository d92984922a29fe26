using System.Text.Json.Nodes;
using CultureBot.Core.Queue;
using CultureBot.Host.Tests.Support;
using CultureBot.Slack.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Slack;

/// <summary>The Slack inbound queue through the running host: every payload is handled alone, none holds another.</summary>
public sealed class SlackInboxTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly SlackTestHost _slack;

    public SlackInboxTests() => _slack = new SlackTestHost(clock: _clock);

    public void Dispose() => _slack.Dispose();

    [Fact]
    public async Task A_payload_that_fails_every_time_holds_no_genuine_command_and_is_set_aside_after_its_attempts()
    {
        // A mention whose every answer Slack refuses with an error worth retrying: it fails on each attempt.
        _slack.Api.Refuse("chat.postMessage", "internal_error");
        var poison = new SlackInbound(SlackInboundKind.Event, new JsonObject
        {
            ["type"] = "event_callback",
            ["team_id"] = FakeSlackApi.TeamId,
            ["event_id"] = "Ev0POISON01",
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0POISON01", ["channel"] = "C0POISON01", ["ts"] = "1724319999.000001", ["text"] = $"<@{FakeSlackApi.BotUserId}> about" },
        }) { ReceivedAt = _clock.GetUtcNow() };
        var queue = _slack.Services.GetRequiredService<IWorkQueue>();
        var admin = _slack.Services.GetRequiredService<IQueueAdmin>();
        var poisonId = await queue.EnqueueAsync(SlackInboundPlatform.QueueName, poison.Serialize(), _clock.GetUtcNow(), CancellationToken.None);

        // Each genuine command wakes the worker, which claims it with the poison whenever the poison is due again:
        // every command is answered all the same, and the poison is set aside after its attempts.
        var commands = 0;
        while (commands < 4 * InboundWork.MaxAttempts && !await IsSetAsideAsync(admin, poisonId))
        {
            var hook = $"about-{++commands}";
            await _slack.Signed.CommandAsync("C05ENGOPS77", "U05RAVI9KQ2", "about", _slack.Api.ResponseUrl(hook));

            // The Web API pacer waits on the clock: it runs on while the answer is awaited.
            await FakeClockWait.UntilAsync(
                _clock, () => _slack.Api.Calls($"hooks/{hook}").Count > 0 ? hook : null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50), 600, () => $"{hook} was never answered");
            _clock.Advance(TimeSpan.FromHours(1));
        }

        var setAside = Assert.Single(await admin.ListSetAsideAsync(SlackInboundPlatform.QueueName, CancellationToken.None));
        Assert.Equal((poisonId, InboundWork.MaxAttempts), (setAside.Id, setAside.Attempts));
        Assert.Contains("internal_error", setAside.Error, StringComparison.Ordinal);
        Assert.Equal(InboundWork.MaxAttempts, _slack.Api.Calls("chat.postMessage").Count(c => c["channel"]?.GetValue<string>() == "C0POISON01"));
    }

    [Fact]
    public async Task A_click_stored_by_the_previous_version_with_a_string_user_is_answered()
    {
        // The queue's stored form, written by the previous version (an older door let a string user in): read and answered, not thrown on.
        var stored = $$$"""
            {"kind":"Interaction","received":"{{{_clock.GetUtcNow():O}}}","payload":{"type":"block_actions","team":{"id":"{{{FakeSlackApi.TeamId}}}"},"user":"U0STRING001",
             "container":{"type":"message","is_ephemeral":true},"response_url":"{{{_slack.Api.ResponseUrl("string-user")}}}","actions":[{"action_id":"about","action_ts":"1724319999.000001"}]}}
            """;
        var queue = _slack.Services.GetRequiredService<IWorkQueue>();
        var admin = _slack.Services.GetRequiredService<IQueueAdmin>();
        await queue.EnqueueAsync(SlackInboundPlatform.QueueName, stored, _clock.GetUtcNow(), CancellationToken.None);

        await FakeClockWait.UntilAsync(
            _clock, () => _slack.Api.Calls("hooks/string-user").Count > 0 ? "answered" : null, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(50), 600, () => "The stored click was never answered");

        Assert.Empty(await admin.ListSetAsideAsync(SlackInboundPlatform.QueueName, CancellationToken.None));
    }

    private static async Task<bool> IsSetAsideAsync(IQueueAdmin admin, long id) =>
        (await admin.ListSetAsideAsync(SlackInboundPlatform.QueueName, CancellationToken.None)).Any(i => i.Id == id);
}
