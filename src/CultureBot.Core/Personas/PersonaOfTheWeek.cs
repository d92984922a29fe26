using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;

namespace CultureBot.Core.Personas;

/// <summary>
/// The persona of the week: one persona a week, the same for everyone (so that teams talk about it), in turn
/// through the pack. Shown by the <c>week</c> command and the App Home tab, and named by the weekly digest.
/// </summary>
public static class PersonaOfTheWeek
{
    /// <summary>The card name in the catalog.</summary>
    public const string HomeCardName = "home";

    private static readonly DateOnly FirstMonday = new(2001, 1, 1);

    /// <summary>The persona of the week (Monday to Sunday, UTC) containing <paramref name="now"/>: the pack's personas in order, one a week.</summary>
    public static Persona? Of(PersonaPack pack, DateTimeOffset now)
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

    /// <summary>The home card: the persona of the week (when there is a pack) and the quick actions.</summary>
    public static CardContent HomeCard(PersonaPack? pack, DateTimeOffset now)
    {
        var data = new JsonObject { ["week"] = ISOWeek.GetWeekOfYear(now.UtcDateTime) };
        if (pack is not null && Of(pack, now) is { } persona)
        {
            var week = new JsonObject { ["id"] = persona.Id, ["name"] = PersonaCards.Cut(persona.Name, 80) };
            PersonaCards.AddIfPresent(week, "tagline", PersonaCards.Cut(persona.Tagline, 200));
            PersonaCards.AddIfPresent(week, "verbatim", PersonaCards.Cut(persona.Verbatim, 500));
            PersonaCards.AddIfPresent(week, "promise", PersonaCards.Cut(persona.Promise, 500));
            PersonaCards.AddIfPresent(week, "irritant", persona.Irritants.Count > 0 ? PersonaCards.Cut(persona.Irritants[0], 300) : null);
            data["persona"] = week;
        }

        return new CardContent(HomeCardName, data);
    }
}
