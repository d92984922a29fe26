using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Schema;
using CultureBot.Testing;

namespace CultureBot.Slack.Tests.Schema;

/// <summary>The Slack records: every captured payload reads as its record and is written back unchanged; what they do not know is kept.</summary>
public class SlackSchemaTests
{
    /// <summary>Every captured Slack payload of every test project, with the record family it belongs to.</summary>
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateDirectories(Path.Combine(PeerTools.RepoRoot, "tests"))
            .Select(project => Path.Combine(project, "TestData", "slack"))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateFiles)
            .Where(file => Path.GetFileName(file) != "signatures.json")
            .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(PeerTools.RepoRoot, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_captured_payload_reads_as_its_record_and_round_trips(string fixture)
    {
        var (json, record) = Read(fixture);

        var written = JsonNode.Parse(SlackJson.Write(record))!;

        Assert.True(JsonNode.DeepEquals(json, written), $"{fixture} did not round-trip:\n{written.ToJsonString()}");
    }

    [Fact]
    public void Each_captured_payload_picks_the_record_of_its_type()
    {
        SlackRecord Of(string name) => Read(Path.Combine("tests", "CultureBot.Slack.Tests", "TestData", "slack", name)).Record;

        var mention = Assert.IsType<SlackEventCallback>(Of("app_mention.event_callback.json"));
        var message = Assert.IsType<SlackMessageEvent>(Assert.IsType<SlackEventCallback>(Of("message_im.event_callback.json")).Event);
        var home = Assert.IsType<SlackAppHomeOpenedEvent>(Assert.IsType<SlackEventCallback>(Of("app_home_opened.event_callback.json")).Event);
        var click = Assert.IsType<SlackBlockActions>(Of("block_actions.button.json"));
        var command = Assert.IsType<SlackSlashCommand>(Of("slash_command.form.txt"));
        var envelope = Assert.IsType<SlackSocketEnvelope>(Of("socket_mode.events_api.envelope.json"));

        Assert.Equal("Ev07K2M9QX4T", mention.EventId);
        Assert.Equal(("U05RAVI9KQ2", true), (mention.Event?.User?.Id, mention.Event?.User?.IdOnly == true));
        Assert.Equal("<@U07BOTHLP01> can you open a ticket for the flaky login test?", Assert.IsType<SlackAppMentionEvent>(mention.Event).Text);
        Assert.Equal(("im", "status of ticket 4417?"), (message.ChannelType, message.Text));
        Assert.Equal(("home", "helpdesk_home"), (home.Tab, home.View?.CallbackId));
        Assert.Equal(("approve", "deploy:8812:approve", "1724319345.118204"), (click.Actions?[0].ActionId, click.Actions?[0].Value, click.Actions?[0].ActionTs));
        Assert.Equal(("T04QZ7K1B2M", "ravi.k", false), (click.Team?.Id, click.User?.Name, click.Container?.IsEphemeral));
        Assert.Equal(("/helpdesk", "U05RAVI9KQ2", "C05ENGOPS77"), (command.Command, command.UserId, command.ChannelId));
        Assert.Equal(SlackSocketEnvelope.EventsApi, envelope.Type);
        Assert.Equal("refresh_requested", Assert.IsType<SlackSocketDisconnect>(Of("socket_mode.disconnect.json")).Reason);
        Assert.Equal(1, Assert.IsType<SlackSocketHello>(Of("socket_mode.hello.json")).NumConnections);
        Assert.StartsWith("q7Vd2", Assert.IsType<SlackUrlVerification>(Of("url_verification.json")).Challenge, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_types_read_as_the_base_record_and_unknown_fields_are_kept()
    {
        var body = JsonNode.Parse("""
            {"type":"event_callback","team_id":"T1","event_id":"Ev1","future_field":{"a":[1,2]},
             "event":{"type":"reaction_added","user":"U1","reaction":"tada","item":{"type":"message","channel":"C1","ts":"1.2"},"event_ts":"1.3"}}
            """)!.AsObject();
        var interaction = JsonNode.Parse("""{"type":"shortcut","callback_id":"open","user":{"id":"U2","team_id":"T2","future":true}}""")!.AsObject();
        var socket = JsonNode.Parse("""{"type":"future_envelope","envelope_id":"e1"}""")!.AsObject();
        var typeless = JsonNode.Parse("""{"token":"t","team_id":"T3"}""")!.AsObject();

        var callback = Assert.IsType<SlackEventCallback>(SlackTypes.EventsApi.Read(body));
        var shortcut = SlackTypes.Interactions.Read(interaction);

        Assert.Equal(typeof(SlackEvent), callback.Event?.GetType());
        Assert.Equal(("reaction_added", "U1", "tada"), (callback.Event?.Type, callback.Event?.User?.Id, callback.Event?.Extra?["reaction"].GetString()));
        Assert.Equal(typeof(SlackInteraction), shortcut.GetType());
        Assert.Equal(("shortcut", "U2", "open"), (shortcut.Type, shortcut.User?.Id, shortcut.Extra?["callback_id"].GetString()));
        Assert.Equal(typeof(SlackSocketMessage), SlackTypes.SocketMode.Read(socket).GetType());
        Assert.Equal(("T3", null), (SlackTypes.EventsApi.Read(typeless).TeamId, SlackTypes.EventsApi.Read(typeless).Type));
        Assert.True(JsonNode.DeepEquals(body, JsonNode.Parse(SlackJson.Write(callback))));
        Assert.True(JsonNode.DeepEquals(socket, JsonNode.Parse(SlackJson.Write(SlackTypes.SocketMode.Read(socket)))));
        Assert.True(JsonNode.DeepEquals(interaction, JsonNode.Parse(SlackJson.Write(shortcut))));
    }

    [Fact]
    public void A_user_may_be_an_id_or_an_object_wherever_it_is()
    {
        var click = Inbound(SlackInboundKind.Interaction, """{"type":"block_actions","user":"U4","team":{"id":"T1"},"actions":[{"action_id":"persona","action_ts":"1.5"}]}""");
        var joined = Inbound(SlackInboundKind.Event, """{"type":"event_callback","team_id":"T1","event":{"type":"team_join","user":{"id":"U5","real_name":"New Comer"}}}""");
        var mention = Inbound(SlackInboundKind.Event, """{"type":"event_callback","team_id":"T1","event":{"type":"app_mention","user":"U6","text":"hi"}}""");

        Assert.Equal(("U4", "T1", "action:U4:1.5"), (click.UserId, click.TeamId, click.DedupeKey));
        Assert.Equal(("U5", "New Comer"), (joined.UserId, (joined.Typed as SlackEventCallback)?.Event?.User?.RealName));
        Assert.Equal("U6", mention.UserId);
        Assert.True(JsonNode.DeepEquals(mention.Payload["event"], JsonNode.Parse(SlackJson.Write(((SlackEventCallback)mention.Typed).Event!))));
    }

    [Fact]
    public void Fields_of_the_wrong_kind_and_empty_strings_read_as_absent()
    {
        var click = Inbound(SlackInboundKind.Interaction, """
            {"type":"block_actions","user":{"id":7,"team_id":"T1"},"team":"T9","trigger_id":"","container":{"is_ephemeral":"yes","message_ts":1},
             "state":{"values":{"b1":"x"}},"actions":[{"action_id":["a"],"value":{"v":1},"selected_option":"x","action_ts":"2.5"}]}
            """);

        var typed = Assert.IsType<SlackBlockActions>(click.Typed);

        Assert.Equal((null, null, "T1"), (typed.User?.Id, typed.Team, click.TeamId));
        Assert.Null(typed.TriggerId);
        Assert.Equal((null, null), (typed.Container?.IsEphemeral, typed.Container?.MessageTs));
        Assert.Null(typed.State?.Values);
        Assert.Equal((null, null, null, "2.5"), (typed.Actions?[0].ActionId, typed.Actions?[0].Value, typed.Actions?[0].SelectedOption, typed.Actions?[0].ActionTs));
        Assert.Equal("action::2.5", click.DedupeKey);
    }

    /// <summary>
    /// Every field of every captured payload, replaced by each kind of JSON value in turn: the typed view, the ids and the
    /// turn are read without throwing (the worker groups a batch by person before any item's own error handling).
    /// </summary>
    [Theory]
    [MemberData(nameof(Fixtures))]
    public void No_field_of_any_kind_makes_reading_throw(string fixture)
    {
        var (json, _) = Read(fixture);
        JsonNode?[] kinds = [null, 5, 1.5, true, "", "x", new JsonArray(), new JsonArray(1, "a"), new JsonObject(), new JsonObject { ["id"] = 1, ["type"] = "x" }];
        var context = new Adapter.SlackTurnMapper.Context("U07BOTHLP01", Core.Localization.Locales.English, null, DateTimeOffset.UnixEpoch);
        var payload = json["payload"] is JsonObject inner ? inner : json;
        var kind = KindOf(fixture);

        foreach (var path in Paths(payload))
        {
            foreach (var value in kinds)
            {
                var mutated = (JsonObject)payload.DeepClone();
                Replace(mutated, path, value?.DeepClone());
                var inbound = new SlackInbound(kind, mutated);

                _ = (inbound.Typed, inbound.TeamId, inbound.UserId, inbound.DedupeKey);
                _ = Adapter.SlackTurnMapper.ToTurn(inbound, context);
            }
        }
    }

    /// <summary>Payloads in the durable queue when the previous version stopped: the stored form has not changed, and they read as before.</summary>
    [Theory]
    [InlineData("""{"kind":"Event","received":"2026-11-22T09:00:00.0000000\u002B00:00","payload":{"type":"event_callback","team_id":"T1","event_id":"Ev1","event":{"type":"app_mention","user":"U1","channel":"C1","ts":"1.2","text":"hello"}}}""", "T1", "U1", "Ev1", "hello")]
    [InlineData("""{"kind":"Command","received":"2026-11-22T09:00:00.0000000\u002B00:00","payload":{"team_id":"T2","user_id":"U2","channel_id":"C2","command":"/culturebot","text":"quiz","trigger_id":"t2","response_url":"https://hooks.slack.com/commands/x"}}""", "T2", "U2", "trigger:t2", "quiz")]
    [InlineData("""{"kind":"Interaction","received":null,"payload":{"type":"block_actions","user":{"id":"U3","team_id":"T3"},"channel":{"id":"C3"},"actions":[{"action_id":"about","action_ts":"3.4"}]}}""", "T3", "U3", "action:U3:3.4", null)]
    public void Payloads_stored_by_the_previous_version_are_read_through_the_schema(string stored, string team, string user, string dedupeKey, string? text)
    {
        var inbound = SlackInbound.Deserialize(stored);
        var turn = Adapter.SlackTurnMapper.ToTurn(inbound, new Adapter.SlackTurnMapper.Context(null, Core.Localization.Locales.English, null, DateTimeOffset.UnixEpoch));

        Assert.Equal((team, user, dedupeKey), (inbound.TeamId, inbound.UserId, inbound.DedupeKey));
        Assert.Equal((team, user, text), (turn.Conversation.Key.TenantId, turn.From?.Id, turn.Text));
        Assert.Equal(stored, inbound.Serialize());
    }

    [Fact]
    public void Every_record_of_the_type_maps_is_in_the_context_and_belongs_to_its_family()
    {
        void Check<TBase>(SlackTypeMap<TBase> map)
            where TBase : SlackRecord
        {
            Assert.NotNull(SlackJson.Options.GetTypeInfo(typeof(TBase)));
            foreach (var (_, record) in map.Records)
            {
                Assert.True(record.IsAssignableTo(typeof(TBase)), $"{record.Name} is not a {typeof(TBase).Name}");
                Assert.NotNull(SlackJson.Options.GetTypeInfo(record));
            }
        }

        Check(SlackTypes.EventsApi);
        Check(SlackTypes.Events);
        Check(SlackTypes.Interactions);
        Check(SlackTypes.SocketMode);
    }

    [Fact]
    public void Web_api_answers_read_as_their_records()
    {
        var info = SlackJson.Read<SlackUserInfoResponse>(JsonNode.Parse("""{"ok":true,"user":{"id":"U1","locale":"fr-FR","tz":"Europe/Paris","profile":{"title":"x"}}}""")!.AsObject());
        var oauth = SlackJson.Read<SlackOAuthAccessResponse>(JsonNode.Parse("""{"ok":true,"access_token":"xoxb-1","bot_user_id":"UBOT","team":{"id":"T1","name":"Acme"},"authed_user":{"id":"U1"}}""")!.AsObject());
        var refused = SlackJson.Read<SlackApiResponse>(JsonNode.Parse("""{"ok":"no","error":42}""")!.AsObject());

        Assert.Equal(("fr-FR", "Europe/Paris"), (info.User?.Locale, info.User?.Tz));
        Assert.Equal(("xoxb-1", "UBOT", "T1", "Acme"), (oauth.AccessToken, oauth.BotUserId, oauth.Team?.Id, oauth.Team?.Name));
        Assert.Equal((null, null), (refused.Ok, refused.Error));
    }

    private static SlackInbound Inbound(SlackInboundKind kind, string json) => new(kind, JsonNode.Parse(json)!.AsObject());

    /// <summary>A fixture as JSON and as the record it reads as (forms as the JSON their fields make).</summary>
    private static (JsonObject Json, SlackRecord Record) Read(string fixture)
    {
        var text = File.ReadAllText(Path.Combine(PeerTools.RepoRoot, fixture));
        var name = Path.GetFileName(fixture);
        var json = name.EndsWith(".txt", StringComparison.Ordinal)
            ? name.StartsWith("slash_command", StringComparison.Ordinal)
                ? SlackFormPayloads.Command(Encoding.UTF8.GetBytes(text))
                : SlackFormPayloads.Interaction(Encoding.UTF8.GetBytes(text))!
            : JsonNode.Parse(text)!.AsObject();
        SlackRecord record = name.StartsWith("socket_mode", StringComparison.Ordinal) ? SlackTypes.SocketMode.Read(json) : new SlackInbound(KindOf(fixture), json).Typed;
        return (json, record);
    }

    private static SlackInboundKind KindOf(string fixture) => Path.GetFileName(fixture) switch
    {
        var name when name.Contains("slash_command", StringComparison.Ordinal) => SlackInboundKind.Command,
        var name when name.StartsWith("block_actions", StringComparison.Ordinal) => SlackInboundKind.Interaction,
        _ => SlackInboundKind.Event,
    };

    /// <summary>The path of every value in the JSON, objects' fields and arrays' items alike.</summary>
    private static IEnumerable<string> Paths(JsonNode node) => node switch
    {
        JsonObject obj => obj.SelectMany(field => new[] { field.Key }.Concat(field.Value is null ? [] : Paths(field.Value).Select(p => field.Key + "/" + p))),
        JsonArray array => array.SelectMany((item, i) => new[] { $"{i}" }.Concat(item is null ? [] : Paths(item).Select(p => $"{i}/{p}"))),
        _ => [],
    };

    private static void Replace(JsonNode root, string path, JsonNode? value)
    {
        var steps = path.Split('/');
        var parent = steps[..^1].Aggregate(root, (node, step) => node is JsonArray array ? array[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)]! : node[step]!);
        if (parent is JsonArray list)
        {
            list[int.Parse(steps[^1], System.Globalization.CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent[steps[^1]] = value;
        }
    }
}
