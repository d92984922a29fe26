using CultureBot.Core.Bot;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Features.Personas;

/// <summary><c>week</c>: the persona of the week (<see cref="PersonaOfTheWeek"/>) and the quick actions, on both platforms.</summary>
public sealed class WeekFeature(PersonaDirectory personas, TimeProvider clock)
{
    public static void Map(FeatureRoutes<WeekFeature> routes) =>
        routes.MapCommand("week", week => week.ShowAsync);

    private async Task ShowAsync(TurnContext context, CancellationToken cancellationToken) =>
        await context.SendAsync(new BotMessage(context.T("homeTitle"), PersonaOfTheWeek.HomeCard(personas.PackFor(context), clock.GetUtcNow())), cancellationToken);
}
