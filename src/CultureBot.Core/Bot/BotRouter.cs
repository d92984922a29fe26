namespace CultureBot.Core.Bot;

/// <summary>Handles one turn.</summary>
public delegate Task TurnHandler(TurnContext context, CancellationToken cancellationToken);

/// <summary>
/// Dispatches turns to named routes. Features declare their routes on <see cref="BotRouteBuilder"/>
/// (<see cref="BotRouteBuilder.MapFeature{TFeature}"/>); there is no handler base class to inherit. Route names are
/// language-free (logs, button verbs); the words that reach them come from the language files.
/// </summary>
public sealed class BotRouter
{
    private readonly IReadOnlyList<CommandRoute> _commands;
    private readonly IReadOnlyList<QuestionRoute> _questions;
    private readonly IReadOnlyList<SmallTalkRoute> _smallTalk;
    private readonly IReadOnlyDictionary<string, Route> _actions;
    private readonly IReadOnlyList<Route> _conversationStarted;
    private readonly IReadOnlyList<Route> _membersAdded;
    private readonly IReadOnlyList<Route> _membersRemoved;
    private readonly IReadOnlyDictionary<string, Route> _events;
    private readonly Route? _fallback;

    internal BotRouter(
        IReadOnlyList<CommandRoute> commands,
        IReadOnlyList<QuestionRoute> questions,
        IReadOnlyList<SmallTalkRoute> smallTalk,
        IReadOnlyDictionary<string, Route> actions,
        IReadOnlyList<Route> conversationStarted,
        IReadOnlyList<Route> membersAdded,
        IReadOnlyList<Route> membersRemoved,
        IReadOnlyDictionary<string, Route> events,
        Route? fallback)
    {
        // Longest words first, so that "quiz start" wins over "quiz"; the same words side by side, in registration order.
        _commands = [.. commands.OrderByDescending(c => c.FoldedAlias.Length).ThenBy(c => c.FoldedAlias, StringComparer.Ordinal)];
        CommandNames = [.. commands.Select(c => c.Route.Name).Distinct(StringComparer.Ordinal)];
        _questions = questions;
        _smallTalk = smallTalk;
        _actions = actions;
        _conversationStarted = conversationStarted;
        _membersAdded = membersAdded;
        _membersRemoved = membersRemoved;
        _events = events;
        _fallback = fallback;
    }

    /// <summary>The command names a help card can list, in registration order.</summary>
    public IEnumerable<string> CommandNames { get; }

    /// <summary>The questions asked in words, by route name, in registration order.</summary>
    public IEnumerable<string> QuestionNames => _questions.Select(q => q.Route.Name).Distinct(StringComparer.Ordinal);

    /// <summary>The small talk routes (greetings, thanks), in registration order.</summary>
    public IEnumerable<string> SmallTalkNames => _smallTalk.Select(s => s.Route.Name).Distinct(StringComparer.Ordinal);

    /// <summary>The words (folded) that run each command in <paramref name="language"/>; words given in code count in every language.</summary>
    public IEnumerable<(string Route, string Words)> CommandWords(string language) =>
        _commands.Where(c => c.Language is null || c.Language == language).Select(c => (c.Route.Name, c.FoldedAlias));

    /// <summary>Runs the matching route(s). Returns the names of the routes that ran (empty when none matched).</summary>
    public async Task<IReadOnlyList<string>> DispatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var routes = Match(context);
        foreach (var route in routes)
        {
            context.RouteName = route.Name;
            await route.Handler(context, cancellationToken);
        }

        return [.. routes.Select(r => r.Name)];
    }

    private List<Route> Match(TurnContext context)
    {
        var turn = context.Turn;
        switch (turn.Kind)
        {
            case TurnKind.Message when string.IsNullOrWhiteSpace(turn.Text):
                // An empty message (a bare @mention, an attachment alone) asks for nothing. Punctuation typed by a
                // person ("???") folds to nothing too, but it is answered: by the unmatched-message route.
                return [];

            case TurnKind.Message:
                var language = context.Culture.TwoLetterISOLanguageName;
                if (MatchCommand(turn.Text, language) is { } command)
                {
                    context.CommandArguments = command.Arguments;
                    AnswerInLanguageOf(context, command.Command.Language);
                    return [command.Command.Route];
                }

                var folded = TextMatching.Fold(turn.Text);
                // The user's language first: "verbatim de X" is a French question about X before it is an English one about "de X".
                foreach (var question in _questions.Where(q => q.Language == language).Concat(_questions.Where(q => q.Language != language)))
                {
                    if (question.Pattern.Match(folded) is { Success: true } match)
                    {
                        context.CommandArguments = match.Groups["args"].Success ? match.Groups["args"].Value.Trim() : string.Empty;
                        AnswerInLanguageOf(context, question.Language);
                        return [question.Route];
                    }
                }

                if (_smallTalk.Where(s => s.FoldedPhrase == folded).OrderBy(s => s.Language == language ? 0 : 1).FirstOrDefault() is { } smallTalk)
                {
                    AnswerInLanguageOf(context, smallTalk.Language);
                    return [smallTalk.Route];
                }

                return _fallback is null ? [] : [_fallback];

            case TurnKind.Action when turn.ActionVerb is { } verb:
                if (_actions.TryGetValue(verb, out var action))
                {
                    return [action];
                }

                // A command is also clickable: a button whose verb names a command runs it.
                var clickable = _commands.FirstOrDefault(c => string.Equals(c.Route.Name, verb, StringComparison.Ordinal));
                if (clickable is not null)
                {
                    // Button data is client-sent: a number or an object where text is expected is read as its JSON, never thrown on.
                    var arguments = turn.ActionData?["args"] switch
                    {
                        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text) => text,
                        { } other => other.ToJsonString(),
                        null => string.Empty,
                    };

                    // A card posted before sub-commands were routes names one in its arguments ("onboarding" + "pause"):
                    // it runs that sub-command, as the same words typed would.
                    if (arguments.Length > 0
                        && MatchCommand($"{clickable.FoldedAlias} {arguments}", context.Culture.TwoLetterISOLanguageName) is { Command.Parent: { } parent } sub
                        && parent == clickable.Route.Name)
                    {
                        context.CommandArguments = sub.Arguments;
                        return [sub.Command.Route];
                    }

                    context.CommandArguments = arguments;
                    return [clickable.Route];
                }

                return [];

            case TurnKind.ConversationStarted:
                return [.. _conversationStarted];
            case TurnKind.Event:
                return turn.EventName is { } name && _events.TryGetValue(name, out var handler) ? [handler] : [];
            case TurnKind.MembersAdded:
                return [.. _membersAdded];
            case TurnKind.MembersRemoved:
                return [.. _membersRemoved];
            default:
                return [];
        }
    }

    /// <summary>
    /// The turn is answered in the language of the words that matched when those words are not the user's language's
    /// (<c>aide</c> from an English client): a language's words are looked up in it first, so words that exist in
    /// both languages ("quiz", "personas") keep the user's language. Words given in code have no language.
    /// </summary>
    private static void AnswerInLanguageOf(TurnContext context, string? wordsLanguage)
    {
        if (wordsLanguage is not null)
        {
            context.AnswerIn(wordsLanguage);
        }
    }

    /// <summary>
    /// The command <paramref name="text"/> nearly types, in any language: its first words (folded, as many as the
    /// command's words, three characters or more) one typing slip from a command's words, or two when those words are
    /// six characters or more, and not exactly them (that would have run the command). The fewest slips win, then the
    /// user's language, then the longest words. Null when no command is that close. <see cref="TextMatching.EditDistance"/>
    /// counts the slips.
    /// </summary>
    public CommandSuggestion? Suggest(string? text, string language)
    {
        var folded = TextMatching.Fold(text);
        var typed = folded.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var original = (text ?? string.Empty).Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        (CommandRoute Command, int Slips)? best = null;
        foreach (var command in _commands)
        {
            var words = command.FoldedAlias.Split(' ').Length;
            if (typed.Length < words)
            {
                continue;
            }

            var head = string.Join(' ', typed.Take(words));
            var slips = TextMatching.EditDistance(head, command.FoldedAlias);
            if (head.Length < 3 || slips == 0 || slips > (command.FoldedAlias.Length >= 6 ? 2 : 1))
            {
                continue;
            }

            if (best is not { } current
                || slips < current.Slips
                || (slips == current.Slips && Rank(command).CompareTo(Rank(current.Command)) < 0))
            {
                best = (command, slips);
            }
        }

        if (best is not { Command: var found })
        {
            return null;
        }

        // The rest keeps the user's own spelling, as arguments do ("persona camile" → "persona" + "camile").
        var count = found.FoldedAlias.Split(' ').Length;
        var rest = original.Length == typed.Length ? string.Join(' ', original.Skip(count)) : string.Join(' ', typed.Skip(count));
        return new CommandSuggestion(found.Route.Name, rest.Length == 0 ? found.Written : $"{found.Written} {rest}", found.Language ?? language);

        // The user's language first, then the longest words.
        (int Language, int Length) Rank(CommandRoute c) => (c.Language is null || c.Language == language ? 0 : 1, -c.FoldedAlias.Length);
    }

    /// <summary>
    /// The command whose words begin the text, the longest words first ("quiz start" before "quiz"); words that mean
    /// two commands in two languages mean the one of the user's language.
    /// </summary>
    private (CommandRoute Command, string Arguments)? MatchCommand(string? text, string language)
    {
        var folded = TextMatching.FoldWords(text);
        if (folded.Length == 0)
        {
            return null;
        }

        CommandRoute? found = null;
        foreach (var command in _commands)
        {
            if (found is not null && command.FoldedAlias != found.FoldedAlias)
            {
                break;
            }

            if (folded == command.FoldedAlias || folded.StartsWith(command.FoldedAlias + " ", StringComparison.Ordinal))
            {
                if (found is null || command.Language == language)
                {
                    found = command;
                }
            }
        }

        if (found is null)
        {
            return null;
        }

        // Arguments keep the user's own spelling (accents, case): they may be names.
        return (found, TextAfterWords(text ?? string.Empty, found.FoldedAlias.Split(' ').Length));
    }

    /// <summary>The text after its first <paramref name="count"/> words, a lone ":" or "," between them not counted as one.</summary>
    private static string TextAfterWords(string text, int count)
    {
        var position = 0;
        while (count > 0 && position < text.Length)
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            var start = position;
            while (position < text.Length && !char.IsWhiteSpace(text[position]))
            {
                position++;
            }

            if (TextMatching.FoldWords(text[start..position]).Length > 0)
            {
                count--;
            }
        }

        return text[position..].Trim().TrimStart(':', ',', ';').Trim();
    }

    internal sealed record Route(string Name, TurnHandler Handler);

    /// <param name="Language">The language file the words come from; null for words given in code (every language).</param>
    /// <param name="Parent">For a sub-command (<c>quiz-start</c>), the command it belongs to (<c>quiz</c>).</param>
    internal sealed record CommandRoute(string FoldedAlias, string? Language, Route Route, string? Parent = null)
    {
        /// <summary>The words as the language file writes them (accents and case kept: "à propos"), to show people.</summary>
        public string Written { get; init; } = FoldedAlias;
    }

    internal sealed record QuestionRoute(System.Text.RegularExpressions.Regex Pattern, string Language, Route Route);

    internal sealed record SmallTalkRoute(string FoldedPhrase, string Language, Route Route);
}

/// <summary>A command someone nearly typed: its route, the words that run it (with what followed, as typed), and the language of those words.</summary>
public sealed record CommandSuggestion(string Route, string Words, string Language);
