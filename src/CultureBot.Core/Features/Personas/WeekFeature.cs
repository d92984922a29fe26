using CultureBot.Core.Bot;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Features.Personas;

/// <summary>
/// <c>week</c>: the persona of the week (<see cref="PersonaOfTheWeek"/>) and the quick actions, on both platforms; also
/// asked as a question ("who is the persona of the week?").
/// </summary>
public sealed class WeekFeature(PersonaDirectory personas, TimeProvider clock)
{
    public static void Map(FeatureRoutes<WeekFeature> routes) =>
        routes
            .MapCommand("week", week => week.ShowAsync)
            .MapQuestion("week", week => week.ShowAsync)
            .OnEvent(BotEvents.HomeOpened, week => week.ShowHomeAsync);

    private async Task ShowAsync(TurnContext context, CancellationToken cancellationToken) =>
        await context.SendAsync(Home(context), cancellationToken);

    /// <summary>The same card as the person's home view (Slack's App Home tab).</summary>
    private Task ShowHomeAsync(TurnContext context, CancellationToken cancellationToken) =>
        context.Channel.ShowHomeAsync(Home(context), cancellationToken);

    private BotMessage Home(TurnContext context) =>
        new(context.T("homeTitle"), PersonaOfTheWeek.HomeCard(personas.PackFor(context), clock.GetUtcNow()));
}
