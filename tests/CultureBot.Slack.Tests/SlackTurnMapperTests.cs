using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Slack.Adapter;
using CultureBot.Slack.Inbound;

namespace CultureBot.Slack.Tests;

/// <summary>Every captured Slack payload (HTTP and Socket Mode) read as a turn.</summary>
public class SlackTurnMapperTests
{
    private const string BotUserId = "U07BOTHLP01";
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlackTurnMapper.Context English = new(BotUserId, Locales.English, "Europe/Paris", Now);

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "slack", name));

    private static SlackInbound Event(string file) => new(SlackInboundKind.Event, JsonNode.Parse(Fixture(file))!.AsObject());

    [Fact]
    public void The_people_a_command_or_message_mentions_are_read_with_their_names_the_bot_excepted()
    {
        var command = new JsonObject
        {
            ["team_id"] = "T1", ["channel_id"] = "C1", ["user_id"] = "U0MANAGER1", ["command"] = "/culturebot",
            ["text"] = $"onboarding enrol <@UNADIA0001|nadia> <@{BotUserId}|culturebot> <@W0TOM00001> <@UNADIA0001|nadia>",
        };
        var mention = new JsonObject
        {
            ["type"] = "event_callback", ["team_id"] = "T1", ["event_id"] = "Ev1",
            ["event"] = new JsonObject { ["type"] = "app_mention", ["user"] = "U0MANAGER1", ["channel"] = "C1", ["ts"] = "1.2", ["text"] = $"<@{BotUserId}> onboarding enrol <@UNADIA0001>" },
        };

        var slash = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Command, command), English);
        var message = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Event, mention), English);

        Assert.Equal([new BotUser("UNADIA0001", "nadia"), new BotUser("W0TOM00001", null)], slash.Mentions);
        Assert.Equal([new BotUser("UNADIA0001", null)], message.Mentions);
        Assert.Equal("onboarding enrol <@UNADIA0001>", message.Text);
    }

    [Fact]
    public void An_app_mention_is_a_message_without_the_bots_mention_threaded_in_its_channel()
    {
        var turn = SlackTurnMapper.ToTurn(Event("app_mention.event_callback.json"), English);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("can you open a ticket for the flaky login test?", turn.Text);
        Assert.Equal(new ConversationKey(Platforms.Slack, "T04QZ7K1B2M", "C05ENGOPS77"), turn.Conversation.Key);
        Assert.Equal(ConversationKind.Channel, turn.Conversation.Kind);
        Assert.Equal("U05RAVI9KQ2", turn.From?.Id);
        Assert.Equal("Ev07K2M9QX4T", turn.InboundId);
        Assert.Equal("Europe/Paris", turn.Conversation.TimeZone);
    }

    [Fact]
    public void A_direct_message_is_a_personal_message()
    {
        var turn = SlackTurnMapper.ToTurn(Event("message_im.event_callback.json"), English);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("status of ticket 4417?", turn.Text);
        Assert.Equal(ConversationKind.Personal, turn.Conversation.Kind);
    }

    [Fact]
    public void The_home_tab_is_not_routed_and_the_messages_tab_starts_the_conversation()
    {
        var home = Event("app_home_opened.event_callback.json");
        var messages = new SlackInbound(SlackInboundKind.Event, (JsonObject)home.Payload.DeepClone());
        messages.Payload["event"]!["tab"] = "messages";

        Assert.Equal(TurnKind.Other, SlackTurnMapper.ToTurn(home, English).Kind);
        Assert.Equal(TurnKind.ConversationStarted, SlackTurnMapper.ToTurn(messages, English).Kind);
    }

    [Fact]
    public void Socket_mode_envelopes_carry_the_same_payloads()
    {
        var events = JsonNode.Parse(Fixture("socket_mode.events_api.envelope.json"))!["payload"]!.AsObject();
        var command = JsonNode.Parse(Fixture("socket_mode.slash_commands.envelope.json"))!["payload"]!.AsObject();

        var mention = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Event, events), English);
        var slash = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Command, command), English);

        Assert.Equal(TurnKind.Message, mention.Kind);
        Assert.Equal("can you open a ticket for the flaky login test?", mention.Text);
        Assert.Equal(TurnKind.Message, slash.Kind);
        Assert.Equal("open flaky login test on staging", slash.Text);
        Assert.Equal("C05ENGOPS77", slash.Conversation.Key.ConversationId);
    }

    [Fact]
    public void A_slash_command_form_is_read_field_by_field_and_a_bare_command_asks_for_help()
    {
        var form = SlackFormPayloads.Command(Encoding.UTF8.GetBytes(Fixture("slash_command.form.txt")));
        var bare = (JsonObject)form.DeepClone();
        bare["text"] = "  ";

        var turn = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Command, form), English);

        Assert.Equal("/helpdesk", form["command"]!.GetValue<string>());
        Assert.Equal("open flaky login test on staging", turn.Text);
        Assert.Equal("T04QZ7K1B2M", new SlackInbound(SlackInboundKind.Command, form).TeamId);
        Assert.Equal("help", SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Command, bare), English).Text);
    }

    [Fact]
    public void A_button_click_from_the_captured_form_is_an_action_with_its_value()
    {
        var payload = SlackFormPayloads.Interaction(Encoding.UTF8.GetBytes(Fixture("block_actions.button.form.txt")))!;

        var turn = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Interaction, payload), English);

        Assert.Equal(TurnKind.Action, turn.Kind);
        Assert.Equal("approve", turn.ActionVerb);
        Assert.Equal("deploy:8812:approve", turn.ActionData?["args"]?.GetValue<string>());
        Assert.Equal("C05ENGOPS77", turn.Conversation.Key.ConversationId);
        Assert.Equal("T04QZ7K1B2M", turn.Conversation.Key.TenantId);
    }

    [Fact]
    public void A_finder_answer_carries_its_session_and_question_from_the_block_id()
    {
        var payload = JsonNode.Parse(Fixture("block_actions.button.json"))!.AsObject();
        payload["actions"]![0]!["action_id"] = "finder-answer:2";
        payload["actions"]![0]!["block_id"] = "finder:q1=0.q3=1:q4";
        payload["actions"]![0]!["value"] = "2";

        var turn = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Interaction, payload), English);

        Assert.Equal("finder-answer", turn.ActionVerb);
        Assert.Equal("q1=0.q3=1", turn.ActionData?["session"]?.GetValue<string>());
        Assert.Equal("q4", turn.ActionData?["question"]?.GetValue<string>());
        Assert.Equal("2", turn.ActionData?["answer"]?.GetValue<string>());
    }

    [Theory]
    [InlineData("<@U07BOTHLP01> help", "help")]
    [InlineData("<@U07BOTHLP01>   persona Inès", "persona Inès")]
    [InlineData("ask <@U05OTHER01> about &lt;pricing&gt; &amp; delivery", "ask <@U05OTHER01> about <pricing> & delivery")]
    public void Mention_text_is_cleaned_and_unescaped(string text, string expected) =>
        Assert.Equal(expected, SlackTurnMapper.CleanText(text, BotUserId));

    [Fact]
    public void The_bots_own_join_starts_the_conversation_and_others_are_new_members()
    {
        JsonObject Joined(string user) => new()
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = "Ev" + user,
            ["event"] = new JsonObject { ["type"] = "member_joined_channel", ["user"] = user, ["channel"] = "C1" },
        };

        Assert.Equal(TurnKind.ConversationStarted, SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Event, Joined(BotUserId)), English).Kind);
        var member = SlackTurnMapper.ToTurn(new SlackInbound(SlackInboundKind.Event, Joined("U9")), English);
        Assert.Equal(TurnKind.MembersAdded, member.Kind);
        Assert.Equal("U9", Assert.Single(member.Members).Id);
    }

    [Fact]
    public void Dedupe_keys_and_the_queued_form_round_trip()
    {
        var ev = Event("app_mention.event_callback.json");
        var click = new SlackInbound(SlackInboundKind.Interaction, JsonNode.Parse(Fixture("block_actions.button.json"))!.AsObject());

        var back = SlackInbound.Deserialize(ev.Serialize());

        Assert.Equal("Ev07K2M9QX4T", ev.DedupeKey);
        Assert.Equal("action:U05RAVI9KQ2:1724319345.118204", click.DedupeKey);
        Assert.Equal(SlackInboundKind.Event, back.Kind);
        Assert.Equal(ev.Payload.ToJsonString(), back.Payload.ToJsonString());
        Assert.Throws<FormatException>(() => SlackInbound.Deserialize("{\"payload\":{}}"));
    }

    [Fact]
    public void The_user_locale_decides_the_culture() =>
        Assert.Equal("fr", SlackTurnMapper.ToTurn(Event("message_im.event_callback.json"), English with { Culture = CultureInfo.GetCultureInfo("fr") }).Culture.Name);
}

/// <summary>What the bot writes in Markdown, as Slack's mrkdwn.</summary>
public class SlackMrkdwnTests
{
    [Theory]
    [InlineData("**Camille · Irritants**\n\nlate deliveries", "*Camille · Irritants*\n\nlate deliveries")]
    [InlineData("prices < 100 € & > 50 €", "prices &lt; 100 € &amp; &gt; 50 €")]
    [InlineData("see [the guide](https://example.com/a?b=1&c=2)", "see <https://example.com/a?b=1&amp;c=2|the guide>")]
    [InlineData("a * b and **", "a * b and **")]
    public void Markdown_becomes_mrkdwn(string markdown, string expected) =>
        Assert.Equal(expected, CultureBot.Slack.Adapter.SlackMrkdwn.FromMarkdown(markdown));
}
