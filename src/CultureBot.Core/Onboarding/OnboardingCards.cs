using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Onboarding;

/// <summary>The onboarding card (<c>cards/*/onboarding.json</c>): one template, its sections chosen by the step's kind.</summary>
public static class OnboardingCards
{
    public const string Card = "onboarding";

    public static BotMessage Day(OnboardingStep step, int number, int days, PersonaPack pack, Verbatim? verbatim)
    {
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(pack);
        var data = new JsonObject
        {
            ["kind"] = step.Kind.ToString().ToLowerInvariant(),
            ["day"] = number,
            ["days"] = days,
            ["organization"] = pack.Organization ?? string.Empty,
        };
        PersonaCards.AddIfPresent(data, "title", step.Title);
        PersonaCards.AddIfPresent(data, "text", step.Text);
        if (step.Kind == OnboardingCardKind.Persona && step.PersonaId is { } id && pack.Find(id) is { } persona)
        {
            var card = new JsonObject { ["id"] = persona.Id, ["name"] = persona.Name };
            PersonaCards.AddIfPresent(card, "tagline", persona.Tagline);
            PersonaCards.AddIfPresent(card, "verbatim", persona.Verbatim);
            PersonaCards.AddIfPresent(card, "posture", persona.Posture);
            PersonaCards.AddIfPresent(card, "promise", persona.Promise);
            data["persona"] = card;
        }

        if (step.Kind == OnboardingCardKind.Verbatim && verbatim is not null)
        {
            var said = new JsonObject { ["text"] = verbatim.Text };
            PersonaCards.AddIfPresent(said, "persona", verbatim.PersonaId is { } who ? pack.Find(who)?.Name : null);
            data["verbatim"] = said;
        }

        return BotMessage.FromCard(Card, data, step.Title ?? (data["persona"]?["name"]?.GetValue<string>()));
    }
}
