using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Bot;

/// <summary>
/// The routes of one feature class, given as its instance methods (<c>quiz => quiz.StartAsync</c>): when a route
/// runs, the feature is resolved once from the turn's services (one scope per turn), its dependencies injected
/// by its constructor. Handlers never look services up themselves.
/// </summary>
public sealed class FeatureRoutes<TFeature>
    where TFeature : class
{
    private readonly BotRouteBuilder _routes;

    internal FeatureRoutes(BotRouteBuilder routes) => _routes = routes;

    /// <inheritdoc cref="BotRouteBuilder.MapCommand(string, TurnHandler)"/>
    public FeatureRoutes<TFeature> MapCommand(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.MapCommand(name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.MapSubCommand"/>
    public FeatureRoutes<TFeature> MapSubCommand(string command, string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.MapSubCommand(command, name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.MapQuestion"/>
    public FeatureRoutes<TFeature> MapQuestion(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.MapQuestion(name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.MapSmallTalk"/>
    public FeatureRoutes<TFeature> MapSmallTalk(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.MapSmallTalk(name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.MapAction"/>
    public FeatureRoutes<TFeature> MapAction(string verb, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.MapAction(verb, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.OnConversationStarted"/>
    public FeatureRoutes<TFeature> OnConversationStarted(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.OnConversationStarted(name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.OnMembersAdded"/>
    public FeatureRoutes<TFeature> OnMembersAdded(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.OnMembersAdded(name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.OnMembersRemoved"/>
    public FeatureRoutes<TFeature> OnMembersRemoved(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.OnMembersRemoved(name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.OnEvent"/>
    public FeatureRoutes<TFeature> OnEvent(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.OnEvent(name, Resolved(handler)));

    /// <inheritdoc cref="BotRouteBuilder.OnUnmatchedMessage"/>
    public FeatureRoutes<TFeature> OnUnmatchedMessage(string name, Func<TFeature, TurnHandler> handler) =>
        Then(_routes.OnUnmatchedMessage(name, Resolved(handler)));

    private static TurnHandler Resolved(Func<TFeature, TurnHandler> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (context, cancellationToken) => handler(context.Services.GetRequiredService<TFeature>())(context, cancellationToken);
    }

    private FeatureRoutes<TFeature> Then(BotRouteBuilder _) => this;
}
