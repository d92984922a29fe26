namespace CultureBot.Core.Bot;

/// <summary>Collects the routes features register; <see cref="Build"/> freezes them into a <see cref="BotRouter"/>.</summary>
public sealed class BotRouteBuilder
{
    private readonly List<BotRouter.CommandRoute> _commands = [];
    private readonly List<BotRouter.PatternRoute> _patterns = [];
    private readonly Dictionary<string, BotRouter.Route> _actions = new(StringComparer.Ordinal);
    private readonly List<BotRouter.Route> _conversationStarted = [];
    private readonly List<BotRouter.Route> _membersAdded = [];
    private readonly List<BotRouter.Route> _membersRemoved = [];
    private readonly Dictionary<string, BotRouter.Route> _events = new(StringComparer.Ordinal);
    private BotRouter.Route? _fallback;

    /// <summary>
    /// A typed command, matched on its first word(s) whatever the case and accents, in any of its
    /// aliases (one per language: <c>help</c>, <c>aide</c>). A card button whose verb is
    /// <paramref name="name"/> runs it too.
    /// </summary>
    public BotRouteBuilder MapCommand(string name, IEnumerable<string> aliases, TurnHandler handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(aliases);
        ArgumentNullException.ThrowIfNull(handler);
        var route = new BotRouter.Route(name, handler);
        foreach (var alias in aliases.Prepend(name).Select(TextMatching.Fold).Distinct(StringComparer.Ordinal))
        {
            if (alias.Length == 0)
            {
                throw new ArgumentException($"Command '{name}' has an empty alias.", nameof(aliases));
            }

            if (_commands.Any(c => c.FoldedAlias == alias))
            {
                throw new InvalidOperationException($"The command word '{alias}' is registered twice.");
            }

            _commands.Add(new BotRouter.CommandRoute(name, alias, route));
        }

        return this;
    }

    /// <summary>
    /// A question asked in words, matched after commands on the folded text (lower case, no accents): a named
    /// group <c>args</c> becomes <see cref="TurnContext.CommandArguments"/> ("how do I talk to (?&lt;args&gt;.+)").
    /// </summary>
    public BotRouteBuilder MapPattern(string name, System.Text.RegularExpressions.Regex pattern, TurnHandler handler)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(handler);
        _patterns.Add(new BotRouter.PatternRoute(pattern, new BotRouter.Route(name, handler)));
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

    /// <summary>A message no command matched (later: free-text persona questions).</summary>
    public BotRouteBuilder OnUnmatchedMessage(string name, TurnHandler handler)
    {
        if (_fallback is not null)
        {
            throw new InvalidOperationException($"Unmatched messages already go to '{_fallback.Name}'.");
        }

        _fallback = new BotRouter.Route(name, handler);
        return this;
    }

    public BotRouter Build() =>
        new(_commands, _patterns, _actions, _conversationStarted, _membersAdded, _membersRemoved, _events, _fallback);
}
