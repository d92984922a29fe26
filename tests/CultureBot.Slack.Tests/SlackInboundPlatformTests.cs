using System.Text.Json.Nodes;
using CultureBot.Slack.Inbound;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.Tests;

/// <summary>The inbox groups a batch by person before any item's own error handling: the grouping must take any shape.</summary>
public class SlackInboundPlatformTests
{
    private static readonly SlackInboundPlatform Platform = new(Options.Create(new SlackOptions()));

    [Theory]
    [InlineData(SlackInboundKind.Command, """{"user_id":"U1"}""", "U1")]
    [InlineData(SlackInboundKind.Interaction, """{"user":{"id":"U2"}}""", "U2")]
    [InlineData(SlackInboundKind.Event, """{"type":"event_callback","event":{"user":"U3"}}""", "U3")]
    [InlineData(SlackInboundKind.Interaction, """{"user":"U4"}""", "U4")]
    [InlineData(SlackInboundKind.Interaction, """{"user":["U5"],"event":"U5"}""", null)]
    [InlineData(SlackInboundKind.Event, """{"type":"event_callback","user":{"id":"U7"},"event":"U6"}""", null)]
    [InlineData(SlackInboundKind.Interaction, """{"user":{"id":7},"event":{"user":{"id":"U6"}}}""", null)]
    public void The_person_a_payload_belongs_to_is_read_from_any_shape_without_throwing(SlackInboundKind kind, string payload, string? expected) =>
        Assert.Equal(expected, Platform.SenderOf(new SlackInbound(kind, JsonNode.Parse(payload)!.AsObject())));
}
