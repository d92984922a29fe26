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
    public async Task A_payload_whose_user_is_a_string_holds_no_genuine_command_and_is_set_aside_after_its_attempts()
    {
        // Stored as an older door let it in: signed, but its user is a string, not an object.
        var poison = new SlackInbound(SlackInboundKind.Interaction, new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = FakeSlackApi.TeamId },
            ["user"] = "U0STRING001",
            ["response_url"] = _slack.Api.ResponseUrl("poison"),
            ["actions"] = new JsonArray(new JsonObject { ["action_id"] = "persona:gerard", ["value"] = "gerard", ["action_ts"] = "1724319999.000001" }),
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
        Assert.False(string.IsNullOrWhiteSpace(setAside.Error));
        Assert.Empty(_slack.Api.Calls("hooks/poison"));
    }

    private static async Task<bool> IsSetAsideAsync(IQueueAdmin admin, long id) =>
        (await admin.ListSetAsideAsync(SlackInboundPlatform.QueueName, CancellationToken.None)).Any(i => i.Id == id);
}
