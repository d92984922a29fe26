using System.Text.RegularExpressions;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Bot;

/// <summary>
/// Collects the routes features declare; <see cref="Build"/> freezes them into a <see cref="BotRouter"/>, with the
/// words people type for each command, question and small talk taken from the language files (<see cref="StringTable.Words"/>).
/// </summary>
public sealed class BotRouteBuilder
{
    /// <summary>How long a question pattern may take on one message (the patterns are data; a message is short).</summary>
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly List<CommandDeclaration> _commands = [];
    private readonly List<(string Name, TurnHandler Handler)> _questions = [];
    private readonly List<(string Name, TurnHandler Handler)> _smallTalk = [];
    private readonly Dictionary<string, BotRouter.Route> _actions = new(StringComparer.Ordinal);
    private readonly List<BotRouter.Route> _conversationStarted = [];
    private readonly List<BotRouter.Route> _membersAdded = [];
    private readonly List<BotRouter.Route> _membersRemoved = [];
    private readonly Dictionary<string, BotRouter.Route> _events = new(StringComparer.Ordinal);
    private readonly List<Type> _features = [];
    private BotRouter.Route? _fallback;

    /// <summary>The feature classes whose handlers the routes call (<see cref="MapFeature{TFeature}"/>): each is resolved per route from the turn's services.</summary>
    public IReadOnlyList<Type> Features => _features;

    /// <summary>
    /// A typed command, matched on its first word(s) whatever the case and accents, in its words of every language
    /// (<c>commands.NAME</c> in each language file: <c>help</c>, <c>aide</c>). A card button whose verb is
    /// <paramref name="name"/> runs it too.
    /// </summary>
    public BotRouteBuilder MapCommand(string name, TurnHandler handler) => AddCommand(name, null, null, handler);

    /// <summary>
    /// A command with its words given here rather than in the language files, in no particular language: the name
    /// and <paramref name="words"/> (internal and test commands).
    /// </summary>
    public BotRouteBuilder MapCommand(string name, IEnumerable<string> words, TurnHandler handler)
    {
        ArgumentNullException.ThrowIfNull(words);
        var folded = words.Prepend(name).Select(TextMatching.Fold).Distinct(StringComparer.Ordinal).ToList();
        if (folded.Any(w => w.Length == 0))
        {
            throw new ArgumentException($"Command '{name}' has an empty word.", nameof(words));
        }

        if (folded.FirstOrDefault(w => _commands.Any(c => c.Words?.Contains(w) == true)) is { } twice)
        {
            throw new InvalidOperationException($"The command word '{twice}' is registered twice.");
        }

        return AddCommand(name, null, folded, handler);
    }

    /// <summary>
    /// A sub-command of <paramref name="command"/> (<c>quiz start</c>): in each language, one of the command's words
    /// followed by one of the sub-command's own (<c>commands.NAME</c>). The longest words win, so the sub-command is
    /// preferred over its command.
    /// </summary>
    public BotRouteBuilder MapSubCommand(string command, string name, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(command);
        if (!_commands.Any(c => c.Name == command && c.Parent is null))
        {
            throw new InvalidOperationException($"Sub-command '{name}' belongs to '{command}', which is not mapped (map the command first).");
        }

        return AddCommand(name, command, null, handler);
    }

    /// <summary>
    /// A question asked in words, matched after commands on the folded text (lower case, no accents) by the patterns of
    /// every language file (<c>questions.NAME</c>): the named group <c>args</c> becomes <see cref="TurnContext.CommandArguments"/>.
    /// </summary>
    public BotRouteBuilder MapQuestion(string name, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        _questions.Add((name, handler));
        return this;
    }

    /// <summary>
    /// Small talk (<c>hello</c>, <c>thanks</c>): a whole message that is one of the phrases of a language file
    /// (<c>smallTalk.NAME</c>), folded; matched after commands and questions.
    /// </summary>
    public BotRouteBuilder MapSmallTalk(string name, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        _smallTalk.Add((name, handler));
        return this;
    }

    /// <summary>A card action by verb (Teams Action.Execute / Action.Submit data <c>verb</c>, Slack action_id).</summary>
    public BotRouteBuilder MapAction(string verb, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(verb);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_actions.TryAdd(verb, new BotRouter.Route($"action:{verb}", handler)))
        {
            throw new InvalidOperationException($"The action verb '{verb}' is registered twice.");
        }

        return this;
    }

    /// <summary>The bot was installed in, or added to, a conversation.</summary>
    public BotRouteBuilder OnConversationStarted(string name, TurnHandler handler)
    {
        _conversationStarted.Add(new BotRouter.Route(name, handler));
        return this;
    }

    /// <summary>People joined a conversation where the bot is.</summary>
    public BotRouteBuilder OnMembersAdded(string name, TurnHandler handler)
    {
        _membersAdded.Add(new BotRouter.Route(name, handler));
        return this;
    }

    /// <summary>People left, or the bot was removed.</summary>
    public BotRouteBuilder OnMembersRemoved(string name, TurnHandler handler)
    {
        _membersRemoved.Add(new BotRouter.Route(name, handler));
        return this;
    }

    /// <summary>A named event activity (not sent by people typing: by a client or a test harness).</summary>
    public BotRouteBuilder OnEvent(string name, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (!_events.TryAdd(name, new BotRouter.Route($"event:{name}", handler)))
        {
            throw new InvalidOperationException($"The event '{name}' is handled twice.");
        }

        return this;
    }

    /// <summary>A message no command or question matched.</summary>
    public BotRouteBuilder OnUnmatchedMessage(string name, TurnHandler handler)
    {
        if (_fallback is not null)
        {
            throw new InvalidOperationException($"Unmatched messages already go to '{_fallback.Name}'.");
        }

        _fallback = new BotRouter.Route(name, handler);
        return this;
    }

    /// <summary>
    /// The routes of one feature class, whose handlers are its instance methods: the class is resolved from the turn's
    /// services (<see cref="TurnContext.Services"/>) when one of its routes runs, with its dependencies injected.
    /// </summary>
    public BotRouteBuilder MapFeature<TFeature>(Action<FeatureRoutes<TFeature>> map)
        where TFeature : class
    {
        ArgumentNullException.ThrowIfNull(map);
        if (!_features.Contains(typeof(TFeature)))
        {
            _features.Add(typeof(TFeature));
        }

        map(new FeatureRoutes<TFeature>(this));
        return this;
    }

    /// <summary>The router, the command words and question patterns read from <paramref name="strings"/>' language files.</summary>
    public BotRouter Build(StringTable? strings = null)
    {
        var languages = strings?.Languages.ToList() ?? [];
        var commands = new List<BotRouter.CommandRoute>();
        foreach (var command in _commands)
        {
            var words = command.Words is { } given
                ? given.Select(w => (Language: (string?)null, Word: w, Written: w))
                : languages.SelectMany(l => WordsOf(command, strings!.Words(l)).Select(w => (Language: (string?)l, Word: w.Folded, w.Written)));
            var added = 0;
            foreach (var (language, word, written) in words.DistinctBy(w => (w.Language, w.Word)))
            {
                if (commands.FirstOrDefault(c => c.FoldedAlias == word && c.Route.Name != command.Name && (c.Language is null || language is null || c.Language == language)) is { } other)
                {
                    throw new InvalidOperationException(
                        $"The command word '{word}'{(language is null ? string.Empty : $" ({language})")} is registered twice: '{other.Route.Name}' and '{command.Name}'.");
                }

                commands.Add(new BotRouter.CommandRoute(word, language, command.Route, command.Parent) { Written = written });
                added++;
            }

            if (added == 0)
            {
                throw new InvalidOperationException($"The command '{command.Name}' has no words: add commands.{command.Name} to the language files.");
            }
        }

        var questions = new List<BotRouter.QuestionRoute>();
        foreach (var (name, handler) in _questions)
        {
            var route = new BotRouter.Route(name, handler);
            var patterns = languages.SelectMany(l => strings!.Words(l).QuestionPatterns(name).Select(p => (Language: l, Pattern: p))).ToList();
            if (patterns.Count == 0)
            {
                throw new InvalidOperationException($"The question '{name}' has no patterns: add questions.{name} to the language files.");
            }

            questions.AddRange(patterns.Select(p => new BotRouter.QuestionRoute(new Regex(p.Pattern, RegexOptions.CultureInvariant, PatternTimeout), p.Language, route)));
        }

        var smallTalk = new List<BotRouter.SmallTalkRoute>();
        foreach (var (name, handler) in _smallTalk)
        {
            var route = new BotRouter.Route(name, handler);
            var phrases = languages
                .SelectMany(l => strings!.Words(l).SmallTalkPhrases(name).Select(p => new BotRouter.SmallTalkRoute(TextMatching.Fold(p), l, route)))
                .Where(p => p.FoldedPhrase.Length > 0)
                .ToList();
            if (phrases.Count == 0)
            {
                throw new InvalidOperationException($"The small talk '{name}' has no phrases: add smallTalk.{name} to the language files.");
            }

            smallTalk.AddRange(phrases);
        }

        return new(commands, questions, smallTalk, _actions, _conversationStarted, _membersAdded, _membersRemoved, _events, _fallback);
    }

    private BotRouteBuilder AddCommand(string name, string? parent, IReadOnlyList<string>? words, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        if (_commands.Any(c => c.Name == name))
        {
            throw new InvalidOperationException($"The command '{name}' is mapped twice.");
        }

        _commands.Add(new CommandDeclaration(name, parent, words, new BotRouter.Route(name, handler)));
        return this;
    }

    /// <summary>
    /// A command's words in one language, folded and as written; a sub-command's are each of its command's words
    /// followed by each of its own.
    /// </summary>
    private static IEnumerable<(string Folded, string Written)> WordsOf(CommandDeclaration command, LanguageWords language)
    {
        var own = Both(language.CommandWords(command.Name));
        return command.Parent is null
            ? own
            : Both(language.CommandWords(command.Parent)).SelectMany(p => own.Select(s => ($"{p.Folded} {s.Folded}", $"{p.Written} {s.Written}")));

        static List<(string Folded, string Written)> Both(IEnumerable<string> words) =>
            [.. words.Select(w => (Folded: TextMatching.Fold(w), Written: w.Trim())).Where(w => w.Folded.Length > 0)];
    }

    /// <param name="Words">Given in code (no language), or null: read from the language files.</param>
    private sealed record CommandDeclaration(string Name, string? Parent, IReadOnlyList<string>? Words, BotRouter.Route Route);
}
