using CultureBot.Teams.Schema;

namespace CultureBot.Teams.Connector;

/// <summary>The Bot Connector REST API (v3), as far as CultureBot uses it.</summary>
public interface IConnectorClient
{
    Task<ConnectorResult> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ConnectorResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken);

    Task<ConnectorResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ConnectorResult> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Creates (or finds) a conversation, e.g. a one-to-one chat for a proactive message; <see cref="ConnectorResult.Id"/> is its id.</summary>
    Task<ConnectorResult> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    Task<ConnectorResult> SendTypingAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken);
}
