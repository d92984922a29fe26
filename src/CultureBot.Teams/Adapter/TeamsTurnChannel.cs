using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Teams.Connector;
using CultureBot.Teams.Schema;
using Microsoft.Extensions.Logging;

namespace CultureBot.Teams.Adapter;

/// <summary>
/// Answers one inbound activity: replies through the Bot Connector within the turn's budget (what is late goes
/// through the outbox, see <see cref="TeamsLateReplies"/>), and for an <c>Action.Execute</c> invoke, holds the
/// card that the HTTP response returns to replace the clicked one.
/// </summary>
internal sealed partial class TeamsTurnChannel : ITurnChannel
{
    private readonly Activity _inbound;
    private readonly Turn _turn;
    private readonly IConnectorClient _connector;
    private readonly CardCatalog _cards;
    private readonly TeamsLateReplies _late;
    private readonly ILogger _logger;

    public TeamsTurnChannel(Activity inbound, Turn turn, IConnectorClient connector, CardCatalog cards, TeamsLateReplies late, ILogger logger)
    {
        _inbound = inbound;
        _turn = turn;
        _connector = connector;
        _cards = cards;
        _late = late;
        _logger = logger;
    }

    /// <summary>For an invoke: what the HTTP response carries. Null until a handler decides.</summary>
    public InvokeResponse? InvokeResponse { get; private set; }

    private bool IsInvoke => _inbound.Type == ActivityTypes.Invoke;

    public async Task<string?> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        var outbound = ToActivity(message);
        var serviceUrl = _inbound.ServiceUrl!;
        var conversationId = _inbound.Conversation!.Id!;

        // Replies thread under the user's message in channels; events (install, members added) have nothing to reply to.
        var result = await _late.TryAsync(
            token => _inbound.Type is ActivityTypes.Message && _inbound.Id is { } replyTo
                ? _connector.ReplyToActivityAsync(serviceUrl, conversationId, replyTo, outbound, token)
                : _connector.SendToConversationAsync(serviceUrl, conversationId, outbound, token),
            cancellationToken);
        if (result is null)
        {
            await _late.DeferAsync(message, null, "send");
            return null;
        }

        return Check(result, "send");
    }

    public async Task UpdateActionSourceAsync(BotMessage message, CancellationToken cancellationToken)
    {
        if (IsInvoke && message.Card is { } card)
        {
            InvokeResponse = InvokeResponse.Card(_cards.Render(Platforms.Teams, card, message.Culture ?? _turn.Culture));
            return;
        }

        if (IsInvoke && message.Text is { } text)
        {
            InvokeResponse = InvokeResponse.Message(text);
            return;
        }

        if (_turn.Kind == TurnKind.Action && _inbound.ReplyToId is { } cardActivityId)
        {
            var outbound = ToActivity(message);
            outbound.Id = cardActivityId;
            var result = await _late.TryAsync(token => _connector.UpdateActivityAsync(_inbound.ServiceUrl!, _inbound.Conversation!.Id!, cardActivityId, outbound, token), cancellationToken);
            if (result is null)
            {
                await _late.DeferAsync(message, cardActivityId, "update");
                return;
            }

            Check(result, "update");
            return;
        }

        await SendAsync(message, cancellationToken);
    }

    public async Task NotifyActorAsync(string text, CancellationToken cancellationToken)
    {
        if (IsInvoke)
        {
            InvokeResponse = InvokeResponse.Message(text);
            return;
        }

        await SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    public async Task SendTypingAsync(CancellationToken cancellationToken)
    {
        // A typing indicator is worth nothing late: past the budget, or refused, it is simply not shown.
        if (await _late.TryAsync(token => _connector.SendTypingAsync(_inbound.ServiceUrl!, _inbound.Conversation!.Id!, token), cancellationToken) is { } result)
        {
            Check(result, "typing");
        }
    }

    private Activity ToActivity(BotMessage message)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            From = _inbound.Recipient,
            Recipient = _inbound.From,
            Conversation = new ConversationAccount { Id = _inbound.Conversation?.Id },
            ReplyToId = _inbound.Id,
            Locale = _inbound.Locale,
        };
        TeamsMessages.SetContent(activity, message, _cards, _turn.Culture);
        return activity;
    }

    private string? Check(ConnectorResult result, string operation)
    {
        switch (result.Outcome)
        {
            case ConnectorOutcome.Succeeded:
                return result.Id;
            case ConnectorOutcome.Forbidden:
            case ConnectorOutcome.NotFound:
                // The app was removed or the user blocked it: nothing to retry, nobody to tell.
                LogUnreachable(_logger, operation, result.StatusCode, result.ErrorCode);
                return null;
            default:
                throw new ConnectorException($"The Bot Connector {operation} failed with status {result.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"} after {result.Attempts} attempt(s).");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation unreachable on {Operation}: status {Status}, code {Code}")]
    private static partial void LogUnreachable(ILogger logger, string operation, int? status, string? code);
}
