using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Slack.Inbound;
using CultureBot.Slack.Installations;
using CultureBot.Slack.Schema;
using CultureBot.Slack.WebApi;
using Microsoft.Extensions.Logging;

namespace CultureBot.Slack.Adapter;

/// <summary>
/// Answers one Slack turn. A slash command is answered privately through its <c>response_url</c>; a button
/// replaces its own message (<c>response_url</c> with <c>replace_original</c>, which also works on ephemeral
/// messages, or <c>chat.update</c>); everything else is a <c>chat.postMessage</c> — in the mention's thread in
/// channels, and in a direct message opened on the spot when the turn has no channel (App Home, new members).
/// </summary>
internal sealed partial class SlackTurnChannel : ITurnChannel
{
    private readonly SlackInbound _inbound;
    private readonly Turn _turn;
    private readonly SlackWorkspace _workspace;
    private readonly SlackWebApiClient _api;
    private readonly CardCatalog _cards;
    private readonly ILogger _logger;
    private string? _directMessage;

    public SlackTurnChannel(SlackInbound inbound, Turn turn, SlackWorkspace workspace, SlackWebApiClient api, CardCatalog cards, ILogger logger)
    {
        _inbound = inbound;
        _turn = turn;
        _workspace = workspace;
        _api = api;
        _cards = cards;
        _logger = logger;
    }

    /// <summary>Where a command or a click is answered.</summary>
    private Uri? ResponseUrl =>
        Uri.TryCreate(_inbound.Typed switch { SlackSlashCommand command => command.ResponseUrl, SlackBlockActions click => click.ResponseUrl, _ => null }, UriKind.Absolute, out var url) ? url : null;

    private bool FromEphemeral => _inbound.Typed is SlackBlockActions { Container.IsEphemeral: true };

    public async Task<string?> SendAsync(BotMessage message, CancellationToken cancellationToken)
    {
        var body = Render(message);
        if (ResponseUrl is { } responseUrl && (_inbound.Kind == SlackInboundKind.Command || FromEphemeral))
        {
            body["response_type"] = "ephemeral";
            body["replace_original"] = false;
            Check("response_url", await _api.RespondAsync(responseUrl, body, cancellationToken));
            return null;
        }

        if (await ChannelAsync(cancellationToken) is not { } channel)
        {
            return null;
        }

        body["channel"] = channel;
        if (ThreadOf() is { } thread)
        {
            body["thread_ts"] = thread;
        }

        var result = await _api.PostMessageAsync(_workspace.BotToken, _workspace.TeamId, body, cancellationToken);
        return Check("chat.postMessage", result) ? result.Read<SlackPostMessageResponse>()?.Ts : null;
    }

    public async Task UpdateActionSourceAsync(BotMessage message, CancellationToken cancellationToken)
    {
        if (_turn.Kind == TurnKind.Action && ResponseUrl is { } responseUrl)
        {
            var body = Render(message);
            body["replace_original"] = true;
            Check("response_url", await _api.RespondAsync(responseUrl, body, cancellationToken));
            return;
        }

        if (_turn.Kind == TurnKind.Action && _inbound.Typed is SlackBlockActions { Container: { MessageTs: { } ts, ChannelId: { } channel } })
        {
            var body = Render(message);
            body["channel"] = channel;
            body["ts"] = ts;
            Check("chat.update", await _api.UpdateAsync(_workspace.BotToken, _workspace.TeamId, body, cancellationToken));
            return;
        }

        await SendAsync(message, cancellationToken);
    }

    public async Task NotifyActorAsync(string text, CancellationToken cancellationToken)
    {
        if (_turn.Kind == TurnKind.Action && ResponseUrl is { } responseUrl)
        {
            var body = Render(BotMessage.FromText(text));
            body["response_type"] = "ephemeral";
            body["replace_original"] = false;
            Check("response_url", await _api.RespondAsync(responseUrl, body, cancellationToken));
            return;
        }

        await SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    /// <summary>The App Home tab of the person whose turn this is (<c>views.publish</c>): the message's blocks as a Home view.</summary>
    public async Task ShowHomeAsync(BotMessage message, CancellationToken cancellationToken)
    {
        if (_turn.From?.Id is not { } user)
        {
            return;
        }

        var view = SlackMessages.HomeView(Render(message));
        Check("views.publish", await _api.PublishViewAsync(_workspace.BotToken, _workspace.TeamId, user, view, cancellationToken));
    }

    /// <summary>Slack shows no typing indicator for apps outside the legacy RTM API: nothing to do.</summary>
    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private JsonObject Render(BotMessage message) => SlackMessages.Render(_cards, message, _turn.Culture);

    /// <summary>The channel to post in; a user id (App Home, a new workspace member) means their direct message with the bot.</summary>
    private async Task<string?> ChannelAsync(CancellationToken cancellationToken)
    {
        var id = _turn.Conversation.Key.ConversationId;
        if (id.Length > 0 && id[0] is 'C' or 'D' or 'G')
        {
            return id;
        }

        if (_directMessage is not null || _turn.From?.Id is not { } user)
        {
            return _directMessage;
        }

        var open = await _api.OpenConversationAsync(_workspace.BotToken, _workspace.TeamId, user, cancellationToken);
        _directMessage = Check("conversations.open", open) ? open.Read<SlackConversationOpenResponse>()?.Channel?.Id : null;
        return _directMessage;
    }

    /// <summary>A mention in a channel is answered in its thread, so that the bot does not flood the channel.</summary>
    private string? ThreadOf() =>
        _inbound.Typed is SlackEventCallback { Event: SlackAppMentionEvent mention } && _turn.Conversation.Kind != ConversationKind.Personal
            ? mention.ThreadTs ?? mention.Ts
            : null;

    /// <summary>True when the call succeeded; false (logged) when the conversation is unreachable; throws otherwise.</summary>
    private bool Check(string method, SlackApiResult result)
    {
        if (result.Ok)
        {
            return true;
        }

        if (result.IsUnreachable)
        {
            LogUnreachable(_logger, method, result.Error);
            return false;
        }

        throw new SlackApiException(method, result);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method}: conversation unreachable ({Error}); nothing to retry")]
    private static partial void LogUnreachable(ILogger logger, string method, string? error);
}
