using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Personas;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Personas;

/// <summary>
/// The persona of the week: one persona a week, the same for everyone (so that teams talk about it), in turn
/// through the pack. Asked as a command on both platforms, and the body of Slack's App Home tab.
/// </summary>
public static class WeekFeature
{
    public const string Card = "home";

    private static readonly DateOnly FirstMonday = new(2001, 1, 1);

    public static BotRouteBuilder MapWeek(this BotRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes
            .MapCommand("week", ["persona of the week", "home", "persona de la semaine", "accueil", "semaine"], ShowAsync)
            .OnEvent(BotEvents.HomeOpened, ShowHomeAsync);
    }

    /// <summary>The persona of the week (Monday to Sunday, UTC) containing <paramref name="now"/>: the pack's personas in order, one a week.</summary>
    public static Persona? PersonaOfTheWeek(PersonaPack pack, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(pack);
        if (pack.Personas.Count == 0)
        {
            return null;
        }

        // Weeks counted from a Monday, so that the turn changes on Mondays and never skips at New Year.
        var weeks = (DateOnly.FromDateTime(now.UtcDateTime).DayNumber - FirstMonday.DayNumber) / 7;
        return pack.Personas[weeks % pack.Personas.Count];
    }

    /// <summary>The card: the persona of the week (when there is a pack) and the quick actions.</summary>
    public static CardContent HomeCard(PersonaPack? pack, DateTimeOffset now)
    {
        var data = new JsonObject { ["week"] = ISOWeek.GetWeekOfYear(now.UtcDateTime) };
        if (pack is not null && PersonaOfTheWeek(pack, now) is { } persona)
        {
            var week = new JsonObject { ["id"] = persona.Id, ["name"] = PersonaCards.Cut(persona.Name, 80) };
            PersonaCards.AddIfPresent(week, "tagline", PersonaCards.Cut(persona.Tagline, 200));
            PersonaCards.AddIfPresent(week, "verbatim", PersonaCards.Cut(persona.Verbatim, 500));
            PersonaCards.AddIfPresent(week, "promise", PersonaCards.Cut(persona.Promise, 500));
            PersonaCards.AddIfPresent(week, "irritant", persona.Irritants.Count > 0 ? PersonaCards.Cut(persona.Irritants[0], 300) : null);
            data["persona"] = week;
        }

        return new CardContent(Card, data);
    }

    private static Task ShowAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var pack = context.OrganizationPack();
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return context.SendAsync(new BotMessage(context.T("homeTitle"), HomeCard(pack, now)), cancellationToken);
    }

    /// <summary>The same card as the person's home view (Slack's App Home tab).</summary>
    private static Task ShowHomeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var now = context.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        return context.Channel.ShowHomeAsync(new BotMessage(context.T("homeTitle"), HomeCard(context.OrganizationPack(), now)), cancellationToken);
    }
}
