namespace CultureBot.Core.Bot;

/// <summary>How a handler talks back on the platform the turn came from.</summary>
public interface ITurnChannel
{
    /// <summary>Posts a new message in the turn's conversation; returns the platform's message id when it gives one.</summary>
    Task<string?> SendAsync(BotMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the card whose button was clicked (Teams invoke response or activity update, Slack chat.update).
    /// Outside an action turn this posts a new message.
    /// </summary>
    Task UpdateActionSourceAsync(BotMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// A short note for the person whose click this turn is, and for nobody else (Teams: the invoke's message
    /// response; Slack: an ephemeral message). Outside an action turn this posts a message.
    /// </summary>
    Task NotifyActorAsync(string text, CancellationToken cancellationToken);

    /// <summary>Shows the typing indicator where the platform has one.</summary>
    Task SendTypingAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Shows <paramref name="message"/> as the person's home view (Slack App Home, <c>views.publish</c>). Platforms
    /// without one post nothing: the home is an extra, the same card stays a command away.
    /// </summary>
    Task ShowHomeAsync(BotMessage message, CancellationToken cancellationToken) => Task.CompletedTask;
}
