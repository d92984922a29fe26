using System.Globalization;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Bot;

/// <summary>A turn with what handlers need to answer it: the channel back, the strings of the user's language, services.</summary>
public sealed class TurnContext
{
    public TurnContext(Turn turn, ITurnChannel channel, StringTable strings, IServiceProvider services)
    {
        Turn = turn ?? throw new ArgumentNullException(nameof(turn));
        Channel = channel ?? throw new ArgumentNullException(nameof(channel));
        Strings = strings ?? throw new ArgumentNullException(nameof(strings));
        Services = services ?? throw new ArgumentNullException(nameof(services));
        Culture = strings.Speak(turn.Culture);
    }

    public Turn Turn { get; }

    public ITurnChannel Channel { get; }

    public StringTable Strings { get; }

    public IServiceProvider Services { get; }

    /// <summary>
    /// The language the bot answers in: the user's (<see cref="Turn.Culture"/>, as the platform tells it) when the
    /// language files have it, else English.
    /// </summary>
    public CultureInfo Culture { get; }

    /// <summary>For a command route: the text after the command word(s), trimmed.</summary>
    public string CommandArguments { get; internal set; } = string.Empty;

    /// <summary>The name of the route that handles this turn, for logs and tests.</summary>
    public string? RouteName { get; internal set; }

    /// <summary>The UI string <paramref name="key"/> in the user's language.</summary>
    public string T(string key) => Strings.Get(key, Culture);

    public Task<string?> SendAsync(BotMessage message, CancellationToken cancellationToken) =>
        Channel.SendAsync(message, cancellationToken);
}
