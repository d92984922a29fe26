using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Teams.Adapter;
using CultureBot.Teams.Schema;
using CultureBot.Teams.Tests.TestData;

namespace CultureBot.Teams.Tests.Adapter;

public class ActivityTurnMapperTests
{
    private static Turn Map(Activity activity) =>
        ActivityTurnMapper.ToTurn(activity, ActivityTurnMapper.ToReference(activity, DateTimeOffset.UnixEpoch));

    [Fact]
    public void A_message_becomes_a_message_turn_in_the_users_language()
    {
        var activity = Fixtures.Activity("message-text");
        activity.Locale = "fr-FR";

        var turn = Map(activity);

        Assert.Equal(TurnKind.Message, turn.Kind);
        Assert.Equal("hello world", turn.Text);
        Assert.Equal("fr", turn.Culture.TwoLetterISOLanguageName);
        Assert.Equal(new ConversationKey(Platforms.Teams, "00000000-0000-0000-0000-0000000000001", "e2e-fixtures"), turn.Conversation.Key);
        Assert.Equal(ConversationKind.Personal, turn.Conversation.Kind);
        Assert.Equal("http://localhost:56150/_connector", turn.Conversation.ServiceUrl);
    }

    [Fact]
    public void Installing_or_adding_the_bot_starts_the_conversation_and_newcomers_are_members_added()
    {
        Assert.Equal(TurnKind.ConversationStarted, Map(Fixtures.Activity("installationUpdate")).Kind);
        Assert.Equal(TurnKind.ConversationStarted, Map(Fixtures.Activity("conversationUpdate-membersAdded")).Kind);

        var joined = Fixtures.Activity("conversationUpdate-membersAdded");
        joined.MembersAdded = [new ChannelAccount { Id = "29:newcomer", Name = "Nina" }];
        var turn = Map(joined);
        Assert.Equal(TurnKind.MembersAdded, turn.Kind);
        Assert.Equal("Nina", Assert.Single(turn.Members).Name);
    }

    [Fact]
    public void Card_buttons_become_actions_with_their_verb_and_data()
    {
        var execute = Map(Fixtures.Activity("invoke-adaptiveCard-action-Execute"));
        Assert.Equal(TurnKind.Action, execute.Kind);
        Assert.Equal("doExecute", execute.ActionVerb);
        Assert.Equal("blue", execute.ActionData?["color"]?.GetValue<string>());

        var submit = Fixtures.Activity("message-with-value-Action.Submit");
        submit.Value = System.Text.Json.JsonDocument.Parse("""{"verb":"help","color":"green"}""").RootElement;
        var mapped = Map(submit);
        Assert.Equal(TurnKind.Action, mapped.Kind);
        Assert.Equal("help", mapped.ActionVerb);
    }

    [Fact]
    public void A_submit_without_a_verb_is_a_plain_message()
    {
        Assert.Equal(TurnKind.Message, Map(Fixtures.Activity("message-with-value-Action.Submit")).Kind);
    }

    [Theory]
    [InlineData("<at>CultureBot</at> help", "help")]
    [InlineData("<at>CultureBot</at>&nbsp;aide", "aide")]
    [InlineData("quiz <at>Nina</at>", "quiz <at>Nina</at>")]
    public void The_bots_mention_is_removed_from_the_text(string text, string expected)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Recipient = new ChannelAccount { Id = "28:bot" },
            Entities = [System.Text.Json.JsonSerializer.Deserialize("""{"type":"mention","text":"<at>CultureBot</at>","mentioned":{"id":"28:bot"}}""", TeamsJsonContext.Default.Entity)!],
        };

        Assert.Equal(expected, ActivityTurnMapper.StripMentions(activity).Replace('\u00a0', ' ').Trim());
    }

    [Fact]
    public void An_event_activity_is_read_with_its_name_and_value()
    {
        var turn = Map(Fixtures.Activity("event-custom-via-mock-activity"));

        Assert.Equal(TurnKind.Event, turn.Kind);
        Assert.Equal(("event", "custom/ping", 1), (turn.RawType, turn.EventName, turn.EventValue!["n"]!.GetValue<int>()));
    }

    [Fact]
    public void A_read_receipt_is_the_message_read_event_naming_the_last_message_read()
    {
        var activity = System.Text.Json.JsonSerializer.Deserialize(
            """{"type":"event","name":"application/vnd.microsoft.readReceipt","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"a:chat","conversationType":"personal","tenantId":"t1"},"from":{"id":"29:reader"},"value":{"lastReadMessageId":"1733580000000"}}""",
            TeamsJsonContext.Default.Activity)!;

        var turn = Map(activity);

        Assert.Equal((TurnKind.Event, BotEvents.MessageRead), (turn.Kind, turn.EventName));
        Assert.Equal("1733580000000", turn.EventValue!["messageId"]!.GetValue<string>());
        Assert.Equal("29:reader", turn.From!.Id);
    }

    [Fact]
    public void Unknown_activity_types_are_tolerated_as_other()
    {
        var activity = System.Text.Json.JsonSerializer.Deserialize(
            """{"type":"messageReaction","id":"1","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/emea/","conversation":{"id":"c1"},"from":{"id":"u1"},"reactionsAdded":[{"type":"like"}]}""",
            TeamsJsonContext.Default.Activity)!;

        var turn = Map(activity);

        Assert.Equal(TurnKind.Other, turn.Kind);
        Assert.Equal("messageReaction", turn.RawType);
    }
}
