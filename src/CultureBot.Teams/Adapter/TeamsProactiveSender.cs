using System.Globalization;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Localization;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Teams.Adapter;

/// <summary>
/// Proactive messages to Teams conversations through the Bot Connector, paced under Teams' limits: 50 requests
/// a second per tenant for the app (paced at 49.5, so that network jitter does not push a 51st request into
/// Teams' one-second window), and 7 a second per conversation. The outbox owns the retries of proactive messages:
/// the connector client given here makes one attempt, and a 429 comes back as "retry later" with Teams'
/// <c>Retry-After</c>, which that message waits in the outbox; so a retry goes through the pacer like any message
/// and never holds a worker while it waits. The pacing is per process: hosts sharing a tenant share its budget.
/// </summary>
public sealed class TeamsProactiveSender(IConnectorClient connector, CardCatalog cards, TimeProvider clock) : IProactiveSender
{
    public static readonly TimeSpan PerTenant = TimeSpan.FromSeconds(1) / 49.5;
    public static readonly TimeSpan PerConversation = TimeSpan.FromSeconds(1) / 7;

    private readonly Pacer _pacer = new(clock);

    public string Platform => Platforms.Teams;

    /// <summary>The sender with its own single-attempt connector client (the shared one retries, for interactive replies).</summary>
    public static TeamsProactiveSender Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var connector = new ConnectorClient(
            services.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(TeamsProactiveSender)),
            services.GetRequiredService<IBotTokenProvider>(),
            Options.Create(new ConnectorRetryOptions { MaxAttempts = 1 }),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILogger<ConnectorClient>>());
        return new TeamsProactiveSender(connector, services.GetRequiredService<CardCatalog>(), services.GetRequiredService<TimeProvider>());
    }

    public Task<DeliveryResult> SendAsync(ConversationReference reference, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        return DeliverAsync(reference, async serviceUrl =>
        {
            var conversationId = reference.Key.ConversationId;
            if (conversationId.StartsWith(PersonalChat.TeamsUserPrefix, StringComparison.Ordinal))
            {
                // A person the bot has not talked to alone yet (a newcomer in a team): Teams opens the one-to-one chat.
                var created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
                {
                    Bot = new ChannelAccount { Id = reference.BotId },
                    Members = [new ChannelAccount { Id = conversationId[PersonalChat.TeamsUserPrefix.Length..] }],
                    TenantId = reference.Key.TenantId,
                    ChannelData = new TeamsChannelData { Tenant = new TeamsIdName { Id = reference.Key.TenantId } },
                }, cancellationToken);
                if (created.Outcome != ConnectorOutcome.Succeeded || created.Id is null)
                {
                    return created;
                }

                conversationId = created.Id;
            }

            return await connector.SendToConversationAsync(serviceUrl, conversationId, ToActivity(reference, message, conversationId), cancellationToken);
        }, cancellationToken);
    }

    public Task<DeliveryResult> UpdateAsync(ConversationReference reference, string messageId, BotMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(message);
        var activity = ToActivity(reference, message);
        activity.Id = messageId;
        return DeliverAsync(reference, serviceUrl => connector.UpdateActivityAsync(serviceUrl, reference.Key.ConversationId, messageId, activity, cancellationToken), cancellationToken);
    }

    /// <summary>One connector call, paced under the tenant's and the conversation's limits, its outcome as a delivery result.</summary>
    private async Task<DeliveryResult> DeliverAsync(ConversationReference reference, Func<string, Task<ConnectorResult>> call, CancellationToken cancellationToken)
    {
        if (reference.ServiceUrl is not { Length: > 0 } serviceUrl)
        {
            return new DeliveryResult(DeliveryOutcome.Gone, "no serviceUrl stored for this conversation");
        }

        var tenant = "tenant|" + reference.Key.TenantId;
        await _pacer.WaitAsync(tenant, PerTenant, cancellationToken);
        await _pacer.WaitAsync("conversation|" + reference.Key.ConversationId, PerConversation, cancellationToken);
        var result = await call(serviceUrl);
        if (result.StatusCode == 429)
        {
            var wait = result.RetryAfter ?? TimeSpan.FromSeconds(1);
            // This message waits Teams' Retry-After in the outbox; the tenant gives up one slot. A 429 at this pace is
            // jitter at the edge of Teams' window, not overload: pausing the whole tenant for the full Retry-After
            // cost 1.6 % of the rate in the benchmark (0.973 against 0.989 of the cap) for no fewer 429s.
            _pacer.Defer(tenant, clock.GetUtcNow() + PerTenant);
            return new DeliveryResult(DeliveryOutcome.RetryLater, "429 Too Many Requests", wait);
        }

        return result.Outcome switch
        {
            ConnectorOutcome.Succeeded => new DeliveryResult(DeliveryOutcome.Sent, MessageId: result.Id),
            ConnectorOutcome.Forbidden or ConnectorOutcome.NotFound => new DeliveryResult(DeliveryOutcome.Gone, $"{result.StatusCode?.ToString(CultureInfo.InvariantCulture)} {result.ErrorCode}".Trim()),
            _ => new DeliveryResult(DeliveryOutcome.RetryLater, $"status {result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "none"} after {result.Attempts} attempt(s)"),
        };
    }

    private Activity ToActivity(ConversationReference reference, BotMessage message, string? conversationId = null)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Conversation = new ConversationAccount { Id = conversationId ?? reference.Key.ConversationId },
            Locale = reference.Locale,
        };
        TeamsMessages.SetContent(activity, message, cards, Locales.Resolve(reference.Locale));
        return activity;
    }
}
