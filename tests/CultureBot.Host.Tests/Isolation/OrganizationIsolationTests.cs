using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Quiz;
using CultureBot.Core.Verbatims;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Isolation;

/// <summary>
/// One host, three organizations: two Teams tenants (A and B) and a Slack workspace, each through every feature.
/// None sees or changes another's data, even with card actions forged to name another organization's ids.
/// </summary>
public sealed class OrganizationIsolationTests : IDisposable
{
    private const string TenantA = "aaaaaaaa-0000-0000-0000-00000000000a";
    private const string TenantB = "bbbbbbbb-0000-0000-0000-00000000000b";
    private const string ChannelA = "19:panel-a@thread.tacv2";
    private const string ChannelB = "19:panel-b@thread.tacv2";
    private const string SlackChannel = "C05ENGOPS77";
    private readonly FakeConnector _connector = new();
    private readonly RecordingQuizTimer _timer = new();
    private readonly SlackTestHost _slack;

    public OrganizationIsolationTests() => _slack = new SlackTestHost(services: services => services.AddSingleton<IQuizTimer>(_timer));

    public void Dispose()
    {
        _slack.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task A_verbatim_saved_in_one_tenant_stays_in_its_digest_quiz_and_duplicate_check()
    {
        const string words = "The bell rang twice at the counter and nobody came for twenty minutes.";
        var before = await PreviewCountAsync(TenantB, ChannelB);
        var slackBefore = await SlackPreviewCountAsync("preview-0");

        Assert.StartsWith("Verbatim saved", await SaveVerbatimAsync(TenantA, ChannelA, words), StringComparison.Ordinal);

        Assert.Equal(before + 1, await PreviewCountAsync(TenantA, ChannelA));
        Assert.Equal(before, await PreviewCountAsync(TenantB, ChannelB));
        Assert.Equal(slackBefore, await SlackPreviewCountAsync("preview-1"));

        // The same words in B are B's own verbatim, not "already there": no existence oracle.
        Assert.StartsWith("Verbatim saved", await SaveVerbatimAsync(TenantB, ChannelB, words), StringComparison.Ordinal);
        Assert.StartsWith("This verbatim was already", await SaveVerbatimAsync(TenantA, ChannelA, words), StringComparison.Ordinal);

        // B's quiz ("who said this?") is built from B's verbatims and the samples, never A's.
        var store = _slack.Services.GetRequiredService<IVerbatimStore>();
        var all = DateOnly.MinValue;
        var end = DateOnly.MaxValue;
        Assert.Single(await store.ListAsync(new OrganizationKey(Platforms.Teams, TenantA), "en", all, end, CancellationToken.None), v => v.Text == words);
        Assert.DoesNotContain(await store.ListAsync(new OrganizationKey(Platforms.Slack, FakeSlackApi.TeamId), "en", all, end, CancellationToken.None), v => v.Text == words);
        var pack = _slack.Services.GetRequiredService<Core.Personas.PersonaDirectory>().PackFor(new OrganizationKey(Platforms.Slack, FakeSlackApi.TeamId), CultureInfo.GetCultureInfo("en"))!;
        var pool = _slack.Services.GetRequiredService<QuizPool>();
        var slackQuestions = await pool.QuestionsAsync(pack, new OrganizationKey(Platforms.Slack, FakeSlackApi.TeamId), CancellationToken.None);
        var aQuestions = await pool.QuestionsAsync(pack, new OrganizationKey(Platforms.Teams, TenantA), CancellationToken.None);
        Assert.DoesNotContain(slackQuestions, q => q.Subject.Contains("bell rang twice", StringComparison.Ordinal));
        Assert.Contains(aQuestions, q => q.Subject.Contains("bell rang twice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quiz_game_takes_answers_only_from_its_own_conversation_and_leaderboards_stay_apart()
    {
        await SayAsync(TenantA, ChannelA, "quiz start 2 60", channel: true);
        var games = _slack.Services.GetRequiredService<IQuizStore>();
        var game = (await games.RunningInAsync(new ConversationKey(Platforms.Teams, TenantA, ChannelA), CancellationToken.None))!;
        var answer = new JsonObject { ["session"] = game.Id, ["question"] = "1", ["answer"] = "0" };

        // Tenant B, from its own channel, and the Slack workspace forge clicks naming A's game.
        Assert.Contains("not found", await ExecuteAsync(TenantB, ChannelB, "quiz-answer", answer, "mallory-b"), StringComparison.Ordinal);
        await _slack.Signed.ClickAsync(SlackChannel, "U0MALLORY01", "Mallory", "quiz-answer", "0", $"quiz:{game.Id}:1", _slack.Api.ResponseUrl("forged-quiz"));
        Assert.Contains("not found", SignedSlack.Text(Assert.Single(await _slack.Api.WaitForAsync("hooks/forged-quiz"))), StringComparison.Ordinal);
        Assert.Equal(0, await games.CountAnswersAsync(game.Id, 1, CancellationToken.None));

        // A's own player is counted; the round closes; A's leaderboard has them, B's and Slack's organization boards do not.
        Assert.Contains("recorded", await ExecuteAsync(TenantA, ChannelA, "quiz-answer", answer, "alice-a", "Alice Anderson"), StringComparison.Ordinal);
        Assert.Equal(1, await games.CountAnswersAsync(game.Id, 1, CancellationToken.None));
        await _slack.Services.GetRequiredService<QuizGames>().CloseRoundAsync(game.Id, 1, CancellationToken.None);
        await SayAsync(TenantA, ChannelA, "quiz stop", channel: true);

        Assert.Contains("Alice Anderson", await SayAsync(TenantA, ChannelA, "quiz leaderboard all org", channel: true), StringComparison.Ordinal);
        Assert.DoesNotContain("Alice Anderson", await SayAsync(TenantB, ChannelB, "quiz leaderboard all org", channel: true), StringComparison.Ordinal);
        await _slack.Signed.CommandAsync(SlackChannel, "U0MALLORY01", "quiz leaderboard all org", _slack.Api.ResponseUrl("board"));
        Assert.DoesNotContain("Alice Anderson", SignedSlack.Text(Assert.Single(await _slack.Api.WaitForAsync("hooks/board"))), StringComparison.Ordinal);

        // Hiding oneself is per organization: the same id hidden in B is still named in A.
        await SayAsync(TenantB, ChannelB, "quiz hide me", channel: true, user: "alice-a");
        Assert.Contains("Alice Anderson", await SayAsync(TenantA, ChannelA, "quiz leaderboard all org", channel: true), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Committee_buttons_naming_another_organizations_meeting_change_nothing()
    {
        var date = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(60).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await SayAsync(TenantA, ChannelA, "committee create Panel A", channel: true);
        await SayAsync(TenantA, ChannelA, $"committee meeting {date} 18:30", channel: true);
        await SayAsync(TenantB, ChannelB, "committee create Panel B", channel: true);
        await SayAsync(TenantB, ChannelB, $"committee meeting {date} 18:30", channel: true);
        var store = _slack.Services.GetRequiredService<ICommitteeStore>();
        var meetingA = (await store.MeetingsAsync((await store.ForChannelAsync(new ConversationKey(Platforms.Teams, TenantA, ChannelA), CancellationToken.None))!.Id, CancellationToken.None)).Single().Id;
        var id = meetingA.ToString(CultureInfo.InvariantCulture);

        // From B's own channel, B names A's meeting: RSVP, question, minutes, move and cancel.
        Assert.Contains("can't find that meeting", await ExecuteAsync(TenantB, ChannelB, "committee-rsvp", new JsonObject { ["args"] = id + ":yes" }, "mallory-b"), StringComparison.Ordinal);
        Assert.Contains("can't find that meeting", await ExecuteAsync(TenantB, ChannelB, "committee-question", new JsonObject { ["args"] = id, ["question"] = "Forged?" }, "mallory-b"), StringComparison.Ordinal);
        Assert.Contains("can't find that meeting", await SubmitAsync(TenantB, ChannelB, new JsonObject { ["verb"] = "committee-minutes", ["args"] = id, ["minutes"] = "Overwritten by B" }), StringComparison.Ordinal);
        Assert.Contains("can't find that meeting", await SayAsync(TenantB, ChannelB, $"committee cancel {id}", channel: true), StringComparison.Ordinal);

        // The Slack workspace tries too.
        await _slack.Signed.ClickAsync(SlackChannel, "U0MALLORY01", "Mallory", "committee-rsvp", id + ":yes", "b1", _slack.Api.ResponseUrl("forged-rsvp"));
        Assert.Contains("can't find that meeting", SignedSlack.Text(Assert.Single(await _slack.Api.WaitForAsync("hooks/forged-rsvp"))), StringComparison.Ordinal);

        var meeting = (await store.MeetingAsync(meetingA, CancellationToken.None))!;
        Assert.Equal((MeetingStatus.Scheduled, null), (meeting.Status, meeting.Minutes));
        Assert.Empty(await store.RsvpsAsync(meetingA, CancellationToken.None));
        Assert.Empty(await store.QuestionsAsync(meetingA, CancellationToken.None));

        // A's own collaborators still answer.
        Assert.Contains("1 attending so far", await ExecuteAsync(TenantA, ChannelA, "committee-rsvp", new JsonObject { ["args"] = id + ":yes" }, "alice-a"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_activity_id_in_two_tenants_is_two_activities()
    {
        var id = Guid.NewGuid().ToString();
        var a = Teams(TenantA, ChannelA, Activities.Message(_connector.ServiceUrl, "help", conversationId: ChannelA), channel: true);
        var b = Teams(TenantB, ChannelB, Activities.Message(_connector.ServiceUrl, "help", conversationId: ChannelB), channel: true);
        a["id"] = id;
        b["id"] = id;

        (await Activities.PostAsync(_slack.Client, a)).EnsureSuccessStatusCode();
        (await Activities.PostAsync(_slack.Client, b)).EnsureSuccessStatusCode();
        (await Activities.PostAsync(_slack.Client, b)).EnsureSuccessStatusCode(); // B's retry is still one activity

        Assert.Single(RepliesTo(ChannelA));
        Assert.Single(RepliesTo(ChannelB));
    }

    [Fact]
    public async Task Personas_match_finder_and_onboarding_answer_each_organization_from_its_own_data()
    {
        // Persona features answer in every organization, and a finder click carries its whole state: nothing stored to leak.
        foreach (var (tenant, channel) in new[] { (TenantA, ChannelA), (TenantB, ChannelB) })
        {
            Assert.Contains("Camille", await SayAsync(tenant, channel, "personas", channel: true), StringComparison.Ordinal);
            Assert.NotEmpty(await SayAsync(tenant, channel, "match a family who wants a sturdy cargo bike", channel: true));
            Assert.Contains("finder-answer", await SayAsync(tenant, channel, "finder", channel: true), StringComparison.Ordinal);
        }

        // Onboarding switched on in A's channel enrols A's newcomers only; B's newcomer, joining B's channel, is not enrolled.
        await SayAsync(TenantA, ChannelA, "onboarding on", channel: true);
        await MembersAddedAsync(TenantA, ChannelA, "newcomer-a");
        await MembersAddedAsync(TenantB, ChannelB, "newcomer-b");
        var onboarding = _slack.Services.GetRequiredService<IOnboardingStore>();
        Assert.NotNull(await onboarding.GetAsync(new ConversationKey(Platforms.Teams, TenantA, "newcomer-a"), CancellationToken.None));
        Assert.Null(await onboarding.GetAsync(new ConversationKey(Platforms.Teams, TenantB, "newcomer-b"), CancellationToken.None));
        Assert.Null(await onboarding.GetAsync(new ConversationKey(Platforms.Teams, TenantB, "newcomer-a"), CancellationToken.None));
        Assert.Contains("not on the onboarding journey", await SayAsync(TenantB, ChannelB, "onboarding", channel: true, user: "newcomer-a"), StringComparison.OrdinalIgnoreCase);

        // The Slack workspace has the personas too, and nobody enrolled: the same user id in Teams is another person.
        await _slack.Signed.CommandAsync(SlackChannel, "U05RAVI9KQ2", "personas", _slack.Api.ResponseUrl("personas"));
        Assert.Contains("Camille", SignedSlack.Text(Assert.Single(await _slack.Api.WaitForAsync("hooks/personas"))), StringComparison.Ordinal);
        await _slack.Signed.CommandAsync(SlackChannel, "newcomer-a", "onboarding", _slack.Api.ResponseUrl("onboarding"));
        Assert.Contains("not on the onboarding journey", SignedSlack.Text(Assert.Single(await _slack.Api.WaitForAsync("hooks/onboarding"))), StringComparison.OrdinalIgnoreCase);
        Assert.Null(await onboarding.GetAsync(new ConversationKey(Platforms.Slack, FakeSlackApi.TeamId, "newcomer-a"), CancellationToken.None));
    }

    private static JsonObject Teams(string tenant, string conversation, JsonObject activity, bool channel, string user = "user-id-0", string name = "Alex Wilber")
    {
        activity["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = channel ? "channel" : "personal", ["tenantId"] = tenant };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        activity["from"] = new JsonObject { ["id"] = user, ["name"] = name };
        return activity;
    }

    /// <summary>A message in a Teams conversation; returns the text of every reply the bot posted to it.</summary>
    private async Task<string> SayAsync(string tenant, string conversation, string text, bool channel, string user = "user-id-0")
    {
        var before = RepliesTo(conversation).Count;
        (await Activities.PostAsync(_slack.Client, Teams(tenant, conversation, Activities.Message(_connector.ServiceUrl, text, conversationId: conversation), channel, user))).EnsureSuccessStatusCode();
        return string.Join("\n", RepliesTo(conversation).Skip(before).Select(SignedSlack.Text));
    }

    /// <summary>An Action.Execute click (an invoke): its answer to the clicker is the invoke's response.</summary>
    private async Task<string> ExecuteAsync(string tenant, string conversation, string verb, JsonObject data, string user, string name = "Someone")
    {
        var click = Teams(tenant, conversation, Activities.Invoke(_connector.ServiceUrl, verb, data.DeepClone().AsObject(), conversation), channel: true, user, name);
        var response = await Activities.PostAsync(_slack.Client, click);
        response.EnsureSuccessStatusCode();
        var value = JsonNode.Parse(await response.Content.ReadAsStringAsync())?["value"];
        return value is JsonValue text && text.TryGetValue<string>(out var message) ? message : value is null ? string.Empty : SignedSlack.Text(value);
    }

    /// <summary>An Action.Submit click (a message carrying the button's data): the replies it got.</summary>
    private async Task<string> SubmitAsync(string tenant, string conversation, JsonObject value)
    {
        var before = RepliesTo(conversation).Count;
        var submit = Teams(tenant, conversation, Activities.Message(_connector.ServiceUrl, string.Empty, conversationId: conversation), channel: true);
        submit.Remove("text");
        submit["value"] = value;
        (await Activities.PostAsync(_slack.Client, submit)).EnsureSuccessStatusCode();
        return string.Join("\n", RepliesTo(conversation).Skip(before).Select(SignedSlack.Text));
    }

    private async Task MembersAddedAsync(string tenant, string conversation, string member)
    {
        var update = Teams(tenant, conversation, Activities.Base("conversationUpdate", _connector.ServiceUrl, conversation, "en-US", new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = member, ["name"] = "New " + member }),
        }), channel: true);
        (await Activities.PostAsync(_slack.Client, update)).EnsureSuccessStatusCode();
    }

    private async Task<string> SaveVerbatimAsync(string tenant, string conversation, string words)
    {
        var replies = await SubmitAsync(tenant, conversation, new JsonObject { ["verb"] = "verbatim-save", ["text"] = words, ["kind"] = "irritant", ["persona"] = "camille" });
        var start = replies.IndexOf("Verbatim saved", StringComparison.Ordinal) is var saved and >= 0 ? saved : replies.IndexOf("This verbatim was already", StringComparison.Ordinal);
        Assert.True(start >= 0, replies);
        return replies[start..];
    }

    /// <summary>"N verbatims this week" in a Teams conversation's digest preview.</summary>
    private async Task<int> PreviewCountAsync(string tenant, string conversation) =>
        WeekCount(await SayAsync(tenant, conversation, "digest preview", channel: true));

    private async Task<int> SlackPreviewCountAsync(string hook)
    {
        await _slack.Signed.CommandAsync(SlackChannel, "U05RAVI9KQ2", "digest preview", _slack.Api.ResponseUrl(hook));
        return WeekCount(SignedSlack.Text(Assert.Single(await _slack.Api.WaitForAsync("hooks/" + hook))));
    }

    private static int WeekCount(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"(\d+) verbatims? this week");
        Assert.True(match.Success, text);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    /// <summary>What the bot posted to a Teams conversation, in order.</summary>
    private List<JsonNode> RepliesTo(string conversation) =>
        [.. _connector.Calls.Where(c => c.Method == "POST" && c.Body is not null
            && c.Path.StartsWith("/_connector/v3/conversations/" + Uri.EscapeDataString(conversation), StringComparison.Ordinal)
            || c.Method == "POST" && c.Body is not null && c.Path.StartsWith("/_connector/v3/conversations/" + conversation, StringComparison.Ordinal))
            .Select(c => c.Body!)];
}
