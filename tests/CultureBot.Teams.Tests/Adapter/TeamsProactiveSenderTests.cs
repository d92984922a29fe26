using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Teams.Adapter;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Schema;
using CultureBot.Testing;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace CultureBot.Teams.Tests.Adapter;

/// <summary>What the outbox learns from the Bot Connector's answers (the connector client is the seam).</summary>
public class TeamsProactiveSenderTests
{
    private static readonly ConversationReference Reference = new(
        new ConversationKey(Platforms.Teams, "tenant-1", "19:channel@thread.tacv2"), ConversationKind.Channel,
        "https://smba.trafficmanager.net/emea/", "28:bot", null, "fr-FR", "Europe/Paris", DateTimeOffset.UnixEpoch);

    private static readonly CardCatalog Cards = CardCatalog.Load(Path.Combine(PeerTools.RepoRoot, "cards"));

    private static (TeamsProactiveSender Sender, List<Activity> Sent) Sender(ConnectorResult answer)
    {
        var sent = new List<Activity>();
        var connector = new Mock<IConnectorClient>();
        connector
            .Setup(c => c.SendToConversationAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<Activity>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, Activity, CancellationToken>((_, _, activity, _) => sent.Add(activity))
            .ReturnsAsync(answer);
        return (new TeamsProactiveSender(connector.Object, Cards, new FakeTimeProvider(DateTimeOffset.UnixEpoch)), sent);
    }

    [Fact]
    public async Task A_card_goes_out_rendered_in_the_conversations_language()
    {
        var (sender, sent) = Sender(new ConnectorResult(ConnectorOutcome.Succeeded, 201, "a1", null, 1));

        var result = await sender.SendAsync(Reference, new BotMessage("Résumé", new CardContent("help", new System.Text.Json.Nodes.JsonObject { ["commands"] = new System.Text.Json.Nodes.JsonArray() })), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, result.Outcome);
        var activity = Assert.Single(sent);
        Assert.Contains("Les commandes de CultureBot", activity.Attachments![0].Content!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Résumé", activity.Summary);
    }

    [Fact]
    public async Task A_429_comes_back_with_teams_retry_after_for_the_outbox_to_wait()
    {
        var (sender, _) = Sender(new ConnectorResult(ConnectorOutcome.Failed, 429, null, "TooManyRequests", 1) { RetryAfter = TimeSpan.FromSeconds(3) });

        var result = await sender.SendAsync(Reference, BotMessage.FromText("hi"), CancellationToken.None);

        Assert.Equal(new DeliveryResult(DeliveryOutcome.RetryLater, "429 Too Many Requests", TimeSpan.FromSeconds(3)), result);
    }

    [Theory]
    [InlineData(ConnectorOutcome.Forbidden, 403, "403 BotDisabledByAdmin")]
    [InlineData(ConnectorOutcome.NotFound, 404, "404 ConversationNotFound")]
    public async Task A_conversation_that_is_gone_is_reported_with_its_reason(ConnectorOutcome outcome, int status, string reason)
    {
        var (sender, _) = Sender(new ConnectorResult(outcome, status, null, reason.Split(' ')[1], 1));

        var result = await sender.SendAsync(Reference, BotMessage.FromText("hi"), CancellationToken.None);

        Assert.Equal(new DeliveryResult(DeliveryOutcome.Gone, reason), result);
    }

    [Fact]
    public async Task A_server_error_is_retried_later_and_a_reference_without_service_url_is_gone()
    {
        var (sender, _) = Sender(new ConnectorResult(ConnectorOutcome.Failed, 502, null, null, 1));

        var failed = await sender.SendAsync(Reference, BotMessage.FromText("hi"), CancellationToken.None);
        var nowhere = await sender.SendAsync(Reference with { ServiceUrl = null }, BotMessage.FromText("hi"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.RetryLater, failed.Outcome);
        Assert.Equal(DeliveryOutcome.Gone, nowhere.Outcome);
    }
}
