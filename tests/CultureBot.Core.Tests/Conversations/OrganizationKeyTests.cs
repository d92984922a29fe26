using CultureBot.Core.Conversations;

namespace CultureBot.Core.Tests.Conversations;

/// <summary>What a card action is checked against: the conversation and its organization.</summary>
public class OrganizationKeyTests
{
    private static readonly ConversationKey Channel = new(Platforms.Teams, "tenant-a", "19:panel@thread.tacv2");

    [Fact]
    public void A_conversation_belongs_to_its_platform_and_tenant()
    {
        Assert.Equal(new OrganizationKey(Platforms.Teams, "tenant-a"), Channel.Organization);
        Assert.Equal(Channel.Organization, OrganizationKey.Of(Channel));
    }

    [Theory]
    [InlineData("19:panel@thread.tacv2", true)]
    [InlineData("19:panel@thread.tacv2;messageid=1724319999000", true)]
    [InlineData("19:other@thread.tacv2", false)]
    [InlineData("19:other@thread.tacv2;messageid=1724319999000", false)]
    [InlineData("19:panel@thread.tacv2x", false)]
    public void A_reply_thread_of_a_channel_is_the_channel(string conversationId, bool same) =>
        Assert.Equal(same, Channel.IsSameConversation(Channel with { ConversationId = conversationId }));

    [Fact]
    public void The_same_channel_id_in_another_tenant_or_platform_is_another_conversation()
    {
        Assert.False(Channel.IsSameConversation(Channel with { TenantId = "tenant-b" }));
        Assert.False(Channel.IsSameConversation(Channel with { Platform = Platforms.Slack }));
        Assert.False(Channel.IsSameConversation(null));
    }

    [Theory]
    [InlineData("teams:8f1c", Platforms.Teams, "8f1c")]
    [InlineData("msteams:8f1c", Platforms.Teams, "8f1c")]
    [InlineData("Slack: T0WORKSPACE ", Platforms.Slack, "T0WORKSPACE")]
    public void Operators_name_an_organization_platform_colon_tenant(string text, string platform, string tenant) =>
        Assert.Equal(new OrganizationKey(platform, tenant), OrganizationKey.TryParse(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("tenant-a")]
    [InlineData("teams:")]
    [InlineData(":tenant-a")]
    [InlineData("discord:guild")]
    [InlineData("*:samples")]
    public void Anything_else_is_not_an_organization(string? text) => Assert.Null(OrganizationKey.TryParse(text));
}
