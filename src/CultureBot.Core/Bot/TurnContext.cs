using System.Globalization;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Bot;

/// <summary>A turn with what handlers need to answer it: the channel back, the strings of the user's language, services.</summary>
public sealed class TurnContext
{
    private readonly ITurnChannel _channel;

    public TurnContext(Turn turn, ITurnChannel channel, StringTable strings, IServiceProvider services)
    {
        Turn = turn ?? throw new ArgumentNullException(nameof(turn));
        _channel = channel ?? throw new ArgumentNullException(nameof(channel));
        Strings = strings ?? throw new ArgumentNullException(nameof(strings));
        Services = services ?? throw new ArgumentNullException(nameof(services));
        Culture = strings.Speak(turn.Culture);
    }

    public Turn Turn { get; }

    /// <summary>The platform's channel; once the turn is answered in another language than the client's, one that says so on every message.</summary>
    public ITurnChannel Channel => Switched ? new SpokenChannel(_channel, Culture) : _channel;

    public StringTable Strings { get; }

    public IServiceProvider Services { get; }

    /// <summary>
    /// The language the bot answers in: the user's (<see cref="Turn.Culture"/>, as the platform tells it) when the
    /// language files have it, else English; or the language of the words the person typed when they exist only in
    /// another language (<see cref="AnswerIn"/>).
    /// </summary>
    public CultureInfo Culture { get; private set; }

    /// <summary>For a command route: the text after the command word(s), trimmed.</summary>
    public string CommandArguments { get; internal set; } = string.Empty;

    /// <summary>The name of the route that handles this turn, for logs and tests.</summary>
    public string? RouteName { get; internal set; }

    private bool Switched => !Culture.Equals(Strings.Speak(Turn.Culture));

    /// <summary>The UI string <paramref name="key"/> in the user's language.</summary>
    public string T(string key) => Strings.Get(key, Culture);

    public Task<string?> SendAsync(BotMessage message, CancellationToken cancellationToken) =>
        Channel.SendAsync(message, cancellationToken);

    /// <summary>
    /// Answers this turn in <paramref name="language"/> (a language of the language files) rather than the client's:
    /// the person typed words of that language (<c>aide</c> from an English client). The client's own language keeps
    /// its region (<c>en-US</c>).
    /// </summary>
    internal void AnswerIn(string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        if (language != Culture.TwoLetterISOLanguageName)
        {
            Culture = Strings.Speak(CultureInfo.GetCultureInfo(language));
        }
    }

    /// <summary>The platform's channel, every message marked with the language it is written in, so that its cards are rendered in it too.</summary>
    private sealed class SpokenChannel(ITurnChannel inner, CultureInfo culture) : ITurnChannel
    {
        public Task<string?> SendAsync(BotMessage message, CancellationToken cancellationToken) =>
            inner.SendAsync(message with { Culture = culture }, cancellationToken);

        public Task UpdateActionSourceAsync(BotMessage message, CancellationToken cancellationToken) =>
            inner.UpdateActionSourceAsync(message with { Culture = culture }, cancellationToken);

        public Task NotifyActorAsync(string text, CancellationToken cancellationToken) => inner.NotifyActorAsync(text, cancellationToken);

        public Task SendTypingAsync(CancellationToken cancellationToken) => inner.SendTypingAsync(cancellationToken);

        public Task ShowHomeAsync(BotMessage message, CancellationToken cancellationToken) =>
            inner.ShowHomeAsync(message with { Culture = culture }, cancellationToken);
    }
}
