namespace CultureBot.Core.Bot;

/// <summary>Handles one turn.</summary>
public delegate Task TurnHandler(TurnContext context, CancellationToken cancellationToken);

/// <summary>
/// Dispatches turns to named routes. Features register their routes with <c>Map…</c> extension methods
/// on <see cref="BotRouteBuilder"/>; there is no handler base class to inherit.
/// </summary>
public sealed class BotRouter
{
    private readonly IReadOnlyList<CommandRoute> _commands;
    private readonly IReadOnlyList<PatternRoute> _patterns;
    private readonly IReadOnlyDictionary<string, Route> _actions;
    private readonly IReadOnlyList<Route> _conversationStarted;
    private readonly IReadOnlyList<Route> _membersAdded;
    private readonly IReadOnlyList<Route> _membersRemoved;
    private readonly IReadOnlyDictionary<string, Route> _events;
    private readonly Route? _fallback;

    internal BotRouter(
        IReadOnlyList<CommandRoute> commands,
        IReadOnlyList<PatternRoute> patterns,
        IReadOnlyDictionary<string, Route> actions,
        IReadOnlyList<Route> conversationStarted,
        IReadOnlyList<Route> membersAdded,
        IReadOnlyList<Route> membersRemoved,
        IReadOnlyDictionary<string, Route> events,
        Route? fallback)
    {
        // Longest alias first, so that "quiz start" wins over "quiz".
        _commands = [.. commands.OrderByDescending(c => c.FoldedAlias.Length)];
        _patterns = patterns;
        _actions = actions;
        _conversationStarted = conversationStarted;
        _membersAdded = membersAdded;
        _membersRemoved = membersRemoved;
        _events = events;
        _fallback = fallback;
    }

    /// <summary>The command names a help card can list, in registration order.</summary>
    public IEnumerable<string> CommandNames => _commands.Select(c => c.Name).Distinct(StringComparer.Ordinal);

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
            case TurnKind.Message when TextMatching.Fold(turn.Text).Length == 0:
                // An empty message (a bare @mention, an attachment alone) asks for nothing.
                return [];

            case TurnKind.Message:
                if (MatchCommand(turn.Text) is { } command)
                {
                    context.CommandArguments = command.Arguments;
                    return [command.Route];
                }

                var folded = TextMatching.Fold(turn.Text);
                foreach (var pattern in _patterns)
                {
                    if (pattern.Pattern.Match(folded) is { Success: true } match)
                    {
                        context.CommandArguments = match.Groups["args"].Success ? match.Groups["args"].Value.Trim() : string.Empty;
                        return [pattern.Route];
                    }
                }

                return _fallback is null ? [] : [_fallback];

            case TurnKind.Action when turn.ActionVerb is { } verb:
                if (_actions.TryGetValue(verb, out var action))
                {
                    return [action];
                }

                // A command is also clickable: a button whose verb names a command runs it.
                var clickable = _commands.FirstOrDefault(c => string.Equals(c.Name, verb, StringComparison.Ordinal));
                if (clickable is not null)
                {
                    // Button data is client-sent: a number or an object where text is expected is read as its JSON, never thrown on.
                    context.CommandArguments = turn.ActionData?["args"] switch
                    {
                        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<string>(out var text) => text,
                        { } other => other.ToJsonString(),
                        null => string.Empty,
                    };
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

    private (Route Route, string Arguments)? MatchCommand(string? text)
    {
        var folded = TextMatching.Fold(text);
        if (folded.Length == 0)
        {
            return null;
        }

        foreach (var command in _commands)
        {
            if (folded == command.FoldedAlias)
            {
                return (command.Route, string.Empty);
            }

            if (folded.StartsWith(command.FoldedAlias + " ", StringComparison.Ordinal))
            {
                // Arguments keep the user's own spelling (accents, case): they may be names.
                var words = command.FoldedAlias.Split(' ').Length;
                var original = (text ?? string.Empty).Trim().Split((char[]?)null, words + 1, StringSplitOptions.RemoveEmptyEntries);
                return (command.Route, original.Length > words ? original[words].Trim() : string.Empty);
            }
        }

        return null;
    }

    internal sealed record Route(string Name, TurnHandler Handler);

    internal sealed record CommandRoute(string Name, string FoldedAlias, Route Route);

    internal sealed record PatternRoute(System.Text.RegularExpressions.Regex Pattern, Route Route);
}
