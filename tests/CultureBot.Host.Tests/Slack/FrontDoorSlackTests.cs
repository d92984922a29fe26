using System.Text.Json.Nodes;
using CultureBot.Host.Tests.Support;

namespace CultureBot.Host.Tests.Slack;

/// <summary>
/// The chat front door through the Slack door, on signed requests: a typo offered back as a button that runs it, French
/// typed by an English user answered in French, gibberish answered with what the bot can do, a committee asked for
/// in a direct message sent to a channel. The cards are the Slack twins the catalog tests validate.
/// </summary>
public sealed class FrontDoorSlackTests : IDisposable
{
    private const string DirectMessage = "D07FRONTDR1";
    private const string EnglishUser = "U0NEWCOMER1";
    private readonly SlackTestHost _slack = new(SlackTestHost.OnlyTheFakeWorkspace);

    public void Dispose() => _slack.Dispose();

    private Task SayAsync(string text, string eventId) =>
        _slack.Signed.EventAsync(
            new JsonObject { ["type"] = "message", ["channel_type"] = "im", ["channel"] = DirectMessage, ["user"] = EnglishUser, ["text"] = text, ["ts"] = "1724318900.000100" },
            eventId);

    private async Task<JsonObject> PostedAsync(int count) => (await _slack.Api.WaitForAsync("chat.postMessage", count))[count - 1];

    [Fact]
    public async Task A_typo_gets_did_you_mean_with_a_button_that_runs_the_command()
    {
        await SayAsync("hlep", "Ev-typo-1");

        var suggestion = await PostedAsync(1);
        Assert.Equal("Did you mean *help*?", suggestion["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        var button = suggestion["blocks"]![1]!["elements"]![0]!;
        Assert.Equal("did-you-mean", button["action_id"]!.GetValue<string>());
        Assert.Equal("help", button["value"]!.GetValue<string>());

        await _slack.Signed.ClickAsync(DirectMessage, EnglishUser, "newcomer", "did-you-mean", "help", "b1", _slack.Api.ResponseUrl("click"));

        Assert.Equal("CultureBot commands", (await PostedAsync(2))["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task French_from_an_english_user_is_answered_in_french()
    {
        await SayAsync("les personas", "Ev-fr-1");

        Assert.Contains("Nos personas", SignedSlack.Text(await PostedAsync(1)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gibberish_gets_what_the_bot_can_do_with_three_buttons()
    {
        await SayAsync("???", "Ev-punct-1");

        var answer = await PostedAsync(1);
        Assert.Equal("I can do this:", answer["text"]!.GetValue<string>());
        var buttons = answer["blocks"]!.AsArray().Last()!["elements"]!.AsArray().Select(b => b!["action_id"]!.GetValue<string>());
        Assert.Equal(["personas", "finder", "help"], buttons);
    }

    [Fact]
    public async Task A_committee_asked_for_in_a_direct_message_is_sent_to_a_channel()
    {
        await _slack.Signed.CommandAsync(DirectMessage, EnglishUser, "committee create Customer panel", _slack.Api.ResponseUrl("committee"));

        var answer = SignedSlack.Text((await _slack.Api.WaitForAsync("hooks/committee"))[0]);
        Assert.Contains("Invite CultureBot to a Slack channel", answer, StringComparison.Ordinal);
        Assert.Contains("*/culturebot committee create Customer panel*", answer, StringComparison.Ordinal);
    }
}
