using System.Text.Json.Nodes;
using CultureBot.Core.Committees;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CultureBot.Host.Tests.Committees;

/// <summary>
/// A committee in a Slack channel, in French, over signed requests: planned by a slash command, its invitation posted
/// in the channel with RSVP buttons, a question sent from the form in the message, and both in the next day's card.
/// </summary>
public sealed class CommitteeSlackTests : IDisposable
{
    private const string Channel = "C0PANEL0001";
    private const string Owner = "UFROWNER001";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
    private readonly SlackTestHost _slack;

    public CommitteeSlackTests()
    {
        var settings = SlackTestHost.OnlyTheFakeWorkspace;
        settings["Scheduling:DigestCheck"] = "0 0 0 1 1 ? 2099";
        _slack = new SlackTestHost(settings, clock: _clock);
    }

    public void Dispose() => _slack.Dispose();

    [Fact]
    public async Task The_invitation_and_the_questions_form_work_from_the_channel_in_french()
    {
        await _slack.Signed.CommandAsync(Channel, Owner, "comité créer Panel clients", _slack.Api.ResponseUrl("create"));
        Assert.Contains("Comité *Panel clients* créé", Text((await WaitAsync("hooks/create"))[0]), StringComparison.Ordinal);
        await _slack.Signed.CommandAsync(Channel, Owner, "comité réunion 16/04/2026 18h30 Siège", _slack.Api.ResponseUrl("plan"));
        var planned = Text((await WaitAsync("hooks/plan"))[0]);
        Assert.Contains("Réunion planifiée", planned, StringComparison.Ordinal);
        Assert.Contains("Jeudi 16 avril 2026, 18:30–21:00 (Europe/Paris)", planned, StringComparison.Ordinal);

        var scheduler = _slack.Services.GetRequiredService<CommitteeScheduler>();
        foreach (var at in new[] { new DateTimeOffset(2026, 3, 26, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 2, 7, 0, 0, TimeSpan.Zero) })
        {
            _clock.SetUtcNow(at);
            Assert.Equal(1, await scheduler.SendDueAsync(at, CancellationToken.None));
        }

        var invite = (await WaitAsync("chat.postMessage", 2))[1];
        Assert.Equal(Channel, invite["channel"]!.GetValue<string>());
        Assert.Contains("Venez écouter nos clients", Text(invite), StringComparison.Ordinal);
        Assert.Contains("\"action_id\":\"committee-rsvp:yes\"", Text(invite), StringComparison.Ordinal);

        await _slack.Signed.ClickAsync(Channel, "UFRNADIA001", "nadia", "committee-rsvp:yes", "1:yes", "rsvp", _slack.Api.ResponseUrl("rsvp"));
        Assert.Contains("C'est noté : vous venez. 1 présents", Text((await WaitAsync("hooks/rsvp"))[0]), StringComparison.Ordinal);

        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        Assert.Contains("Que demander à nos clients ?", Text((await WaitAsync("chat.postMessage", 3))[2]), StringComparison.Ordinal);
        var state = new JsonObject { ["question"] = new JsonObject { ["question"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "Qu'est-ce qui vous ferait revenir ?" } } };
        await _slack.Signed.ClickAsync(Channel, "UFRNADIA001", "nadia", "committee-question", "1", "questions", _slack.Api.ResponseUrl("question"), state: state);
        Assert.Contains("votre question est enregistrée : 1 à ce jour", Text((await WaitAsync("hooks/question"))[0]), StringComparison.Ordinal);

        _clock.SetUtcNow(new DateTimeOffset(2026, 4, 15, 7, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await scheduler.SendDueAsync(_clock.GetUtcNow(), CancellationToken.None));
        var logistics = Text((await WaitAsync("chat.postMessage", 4))[3]);
        Assert.Contains("Demain : le comité clients", logistics, StringComparison.Ordinal);
        Assert.Contains("*Présents* (1)\\nnadia", logistics, StringComparison.Ordinal);
        Assert.Contains("• Qu'est-ce qui vous ferait revenir ?", logistics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_too_far_ahead_gets_an_answer_in_french_instead_of_retries()
    {
        await _slack.Signed.CommandAsync(Channel, Owner, "comité créer Panel clients", _slack.Api.ResponseUrl("create"));
        await WaitAsync("hooks/create");

        await _slack.Signed.CommandAsync(Channel, Owner, "comité réunion 9999-12-31 23:59", _slack.Api.ResponseUrl("far"));

        Assert.Contains("Cette date est trop lointaine : planifiez les réunions dans les 5 prochaines années.", Text((await WaitAsync("hooks/far"))[0]), StringComparison.Ordinal);
    }

    /// <summary>Waits for Slack calls, moving the fake clock on (the worker and the outbox pace on it).</summary>
    private Task<IReadOnlyList<JsonObject>> WaitAsync(string path, int count = 1) =>
        FakeClockWait.UntilAsync(
            _clock, () => _slack.Api.Calls(path) is { } calls && calls.Count >= count ? calls : null,
            TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(50), 150, () => $"{path}: {_slack.Api.Calls(path).Count} calls, {count} expected");

    private static string Text(JsonObject message) => SignedSlack.Text(message);
}
