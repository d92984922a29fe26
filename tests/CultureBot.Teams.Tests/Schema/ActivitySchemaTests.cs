using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Teams.Schema;
using CultureBot.Teams.Tests.TestData;

namespace CultureBot.Teams.Tests.Schema;

public class ActivitySchemaTests
{
    [Fact]
    public void A_typed_message_reads_text_locale_time_zone_and_tenant()
    {
        var activity = Fixtures.Activity("message-text");

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal("hello world", activity.Text);
        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("http://localhost:56150/_connector", activity.ServiceUrl);
        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.Equal("00000000-0000-0000-0000-0000000000001", activity.ChannelData?.Tenant?.Id);
        Assert.Equal("en-US", activity.ResolveLocale());
        Assert.Equal("UTC", activity.ResolveTimeZone());
        Assert.Equal("Alex Wilber", activity.From?.Name);
    }

    [Fact]
    public void Installation_and_members_added_read_their_action_and_members()
    {
        var install = Fixtures.Activity("installationUpdate");
        var added = Fixtures.Activity("conversationUpdate-membersAdded");
        var removed = Fixtures.Activity("conversationUpdate-membersRemoved");

        Assert.Equal("add", install.Action);
        Assert.Equal("e2e-fixtures", install.ChannelData?.Settings?.SelectedChannel?.Id);
        Assert.Equal(2, added.MembersAdded?.Count);
        Assert.Contains(added.MembersAdded!, m => m.Id == added.Recipient?.Id);
        Assert.NotEmpty(removed.MembersRemoved!);
    }

    [Fact]
    public void An_action_execute_invoke_reads_verb_and_data()
    {
        var activity = Fixtures.Activity("invoke-adaptiveCard-action-Execute");
        var value = activity.Value!.Value.Deserialize(TeamsJsonContext.Default.AdaptiveCardInvokeValue);

        Assert.Equal(InvokeNames.AdaptiveCardAction, activity.Name);
        Assert.Equal("Action.Execute", value?.Action?.Type);
        Assert.Equal("doExecute", value?.Action?.Verb);
        Assert.Equal("blue", value?.Action?.Data?["color"]?.GetValue<string>());
        Assert.Null(value?.Trigger);
    }

    [Fact]
    public void An_action_submit_carries_its_data_as_value()
    {
        var activity = Fixtures.Activity("message-with-value-Action.Submit");

        Assert.Null(activity.Text);
        Assert.Equal("green", activity.Value!.Value.GetProperty("color").GetString());
        Assert.Equal("1795350254095", activity.ReplyToId);
    }

    [Fact]
    public void Unknown_types_and_fields_are_kept_and_written_back()
    {
        var json = """
            {"type":"somethingNew","id":"1","futureField":{"a":[1,2]},"from":{"id":"u","futureAccountField":true},
             "entities":[{"type":"futureEntity","x":1}],"channelData":{"tenant":{"id":"t"},"futureTeamsField":"y"}}
            """;

        var activity = JsonSerializer.Deserialize(json, TeamsJsonContext.Default.Activity)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity))!;

        Assert.Equal("somethingNew", activity.Type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), written), written.ToJsonString());
    }

    [Fact]
    public void Every_captured_playground_activity_parses_and_round_trips()
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "teams"), "*.json"))
        {
            var original = JsonNode.Parse(File.ReadAllText(file))!;
            var activity = JsonSerializer.Deserialize(original.ToJsonString(), TeamsJsonContext.Default.Activity)!;
            var written = JsonNode.Parse(JsonSerializer.Serialize(activity, TeamsJsonContext.Default.Activity))!;

            Assert.False(string.IsNullOrEmpty(activity.Type), file);
            Assert.True(NormalizedEquals(original, written), $"{file} did not round-trip:\n{written.ToJsonString()}");
        }
    }

    [Fact]
    public void Mentions_and_client_info_are_read_from_entities()
    {
        var json = """
            {"type":"message","text":"<at>CultureBot</at> help","recipient":{"id":"28:bot"},
             "entities":[{"type":"mention","text":"<at>CultureBot</at>","mentioned":{"id":"28:bot","name":"CultureBot"}},
                         {"type":"clientInfo","locale":"fr-FR","timezone":"Europe/Paris","country":"FR","platform":"Windows"}]}
            """;

        var activity = JsonSerializer.Deserialize(json, TeamsJsonContext.Default.Activity)!;

        var mention = Assert.Single(activity.GetMentions());
        Assert.Equal("28:bot", mention.Mentioned?.Id);
        Assert.Equal("fr-FR", activity.ResolveLocale());
        Assert.Equal("Europe/Paris", activity.ResolveTimeZone());
    }

    /// <summary>Timestamps may be rewritten in another but equal form (Z vs +00:00); everything else must be identical.</summary>
    private static bool NormalizedEquals(JsonNode a, JsonNode b)
    {
        foreach (var key in new[] { "timestamp", "localTimestamp" })
        {
            if (a[key] is JsonValue va && b[key] is JsonValue vb)
            {
                Assert.Equal(DateTimeOffset.Parse(va.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(vb.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
                a = a.DeepClone();
                b = b.DeepClone();
                a.AsObject().Remove(key);
                b.AsObject().Remove(key);
            }
        }

        return JsonNode.DeepEquals(a, b);
    }
}
