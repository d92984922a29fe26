using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Features.Help;
using CultureBot.Core.Insights;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Map;
using CultureBot.Core.Personas.Matching;

namespace CultureBot.Core.Features.Personas;

/// <summary>
/// Persona Q&amp;A: the list, a sheet, "how do I talk to X", "what irritates X", "what does X expect",
/// "what delights X", "X's verbatim", and "which persona fits this customer?" — asked as a command, or simply
/// by describing the customer. A persona's name alone opens its sheet.
/// </summary>
public sealed class PersonaFeature(PersonaDirectory personas, HelpFeature help, IPersonaReranker? reranker = null)
{
    /// <summary>
    /// A message no route understood is read as a customer description when it has at least this many content words
    /// (<see cref="TextAnalyzer.Terms"/>: no function words, stems of three letters or more) and the pack knows at
    /// least one of them (the matcher scores a persona above zero).
    /// </summary>
    public const int DescriptionMinTerms = 3;

    public static void Map(FeatureRoutes<PersonaFeature> routes) => routes
        .MapCommand("personas", persona => persona.ListAsync)
        .MapCommand("persona", persona => persona.SheetAsync)
        .MapCommand("map", persona => persona.MapAsync)
        .MapCommand("match", persona => persona.MatchAsync)
        .MapQuestion("persona-talk", persona => persona.AnswerAbout(Rubric.Posture))
        .MapQuestion("persona-irritants", persona => persona.AnswerAbout(Rubric.Irritants))
        .MapQuestion("persona-expectations", persona => persona.AnswerAbout(Rubric.Expectations))
        .MapQuestion("persona-delights", persona => persona.AnswerAbout(Rubric.Delights))
        .MapQuestion("persona-verbatim", persona => persona.AnswerAbout(Rubric.Verbatim))
        .OnUnmatchedMessage("describe-customer", persona => persona.DescriptionOrNotUnderstoodAsync);

    private enum Rubric
    {
        Posture,
        Irritants,
        Expectations,
        Delights,
        Verbatim,
    }

    private async Task ListAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (Pack(context) is not { } pack)
        {
            await NoPackAsync(context, cancellationToken);
            return;
        }

        var personas = new JsonArray();
        foreach (var persona in pack.Personas.Take(PersonaCards.MaxListPersonas))
        {
            var item = new JsonObject { ["id"] = persona.Id, ["name"] = persona.Name, ["initials"] = PersonaCards.Initials(persona.Name) };
            if (persona.Tagline is not null)
            {
                item["tagline"] = PersonaCards.Cut(persona.Tagline, 150);
            }

            personas.Add(item);
        }

        var data = new JsonObject { ["personas"] = personas, ["more"] = Math.Max(0, pack.Personas.Count - PersonaCards.MaxListPersonas) };
        await context.SendAsync(BotMessage.FromCard(PersonaCards.List, data, context.T("personaListTitle")), cancellationToken);
    }

    private async Task MapAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (Pack(context) is not { } pack)
        {
            await NoPackAsync(context, cancellationToken);
            return;
        }

        if (pack.Map is null || PersonaMapRenderer.DataUri(pack) is not { } image)
        {
            await context.SendAsync(BotMessage.FromText(context.T("mapNone")), cancellationToken);
            return;
        }

        var data = new JsonObject
        {
            ["image"] = image,
            ["organization"] = pack.Organization ?? pack.Slug,
            ["x"] = new JsonObject { ["low"] = pack.Map.XLow, ["high"] = pack.Map.XHigh },
            ["y"] = new JsonObject { ["low"] = pack.Map.YLow, ["high"] = pack.Map.YHigh },
        };
        await context.SendAsync(BotMessage.FromCard("persona-map", data, context.T("mapTitle")), cancellationToken);
    }

    private async Task SheetAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (await PersonaAsync(context, context.CommandArguments, cancellationToken) is not { } found)
        {
            return;
        }

        await SendSheetAsync(context, found.Pack, found.Persona, cancellationToken);
    }

    private static async Task SendSheetAsync(TurnContext context, PersonaPack pack, Persona persona, CancellationToken cancellationToken)
    {
        await context.SendAsync(new BotMessage(persona.Name, PersonaCards.SheetCard(persona, PhotoUrl(persona), pack.Organization)), cancellationToken);
        await context.RecordAsync(EngagementKinds.SheetOpened, persona.Id, cancellationToken: cancellationToken);
    }

    private TurnHandler AnswerAbout(Rubric rubric) => (context, cancellationToken) => RubricAsync(context, rubric, cancellationToken);

    private async Task RubricAsync(TurnContext context, Rubric rubric, CancellationToken cancellationToken)
    {
        if (await PersonaAsync(context, context.CommandArguments, cancellationToken) is not { } found)
        {
            return;
        }

        var persona = found.Persona;
        var (titleKey, body) = rubric switch
        {
            Rubric.Posture => ("personaPosture", persona.Posture),
            Rubric.Irritants => ("personaIrritants", Bullets(persona.Irritants)),
            Rubric.Expectations => ("personaExpectations", Bullets(persona.Expectations)),
            Rubric.Delights => ("personaDelights", Bullets(persona.Delights)),
            _ => ("personaVerbatim", persona.Verbatim is null ? null : $"« {persona.Verbatim} »"),
        };
        var text = string.IsNullOrWhiteSpace(body)
            ? context.Strings.Format("personaRubricEmpty", context.Culture, persona.Name)
            : $"**{persona.Name} · {context.T(titleKey)}**\n\n{body}";
        if (rubric == Rubric.Posture && persona.Channels.Count > 0)
        {
            text += $"\n\n**{context.T("personaChannels")}**: {string.Join(" · ", persona.Channels)}";
        }

        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    private async Task MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.CommandArguments))
        {
            await context.SendAsync(BotMessage.FromText(context.T("matchHowTo")), cancellationToken);
            return;
        }

        await MatchDescriptionAsync(context, context.CommandArguments, cancellationToken);
    }

    /// <summary>
    /// What no command, question or small talk matched: a persona's name alone opens its sheet ("Camille", "camile");
    /// a plausible customer description (<see cref="DescriptionMinTerms"/>) gets the match; anything else, help's answer
    /// (the command it nearly is, or what the bot can do).
    /// </summary>
    private async Task DescriptionOrNotUnderstoodAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Turn.Text ?? string.Empty;
        if (Pack(context) is { } pack)
        {
            if (PersonaDirectory.ResolveBareName(pack, text) is { } named)
            {
                await SendSheetAsync(context, pack, named, cancellationToken);
                return;
            }

            if (TextAnalyzer.Terms(text).Count >= DescriptionMinTerms && personas.MatcherFor(pack).Match(text).Ranked.Any(m => m.Score > 0))
            {
                await MatchDescriptionAsync(context, text, cancellationToken);
                return;
            }
        }

        await help.NotUnderstoodAsync(context, cancellationToken);
    }

    private async Task MatchDescriptionAsync(TurnContext context, string description, CancellationToken cancellationToken)
    {
        if (Pack(context) is not { } pack)
        {
            await NoPackAsync(context, cancellationToken);
            return;
        }

        var result = personas.MatcherFor(pack).Match(description);
        if (reranker is not null)
        {
            result = await reranker.RerankAsync(pack, description, result, context.Culture, cancellationToken) ?? result;
        }

        var card = MatchCard(context, description, result);
        await context.SendAsync(BotMessage.FromCard("match-result", card, context.T("matchTitle")), cancellationToken);
        var top = result.Ranked.FirstOrDefault(r => r.Score > 0);
        await context.RecordMatchAsync(description, top?.Persona.Id, top?.Confidence ?? 0, cancellationToken);
    }

    /// <summary>The top three with a confidence, the evidence by rubric, and the separating question when they are close.</summary>
    public static JsonObject MatchCard(TurnContext context, string description, MatchResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var results = new JsonArray();
        foreach (var (match, rank) in result.Ranked.Where(r => r.Score > 0).Take(3).Select((m, i) => (m, i + 1)))
        {
            var evidence = match.Evidence.Take(3).Select(e =>
                context.Strings.Format("matchEvidenceItem", context.Culture, RubricTitle(context, e.Rubric), string.Join(", ", e.Words.Take(4))));
            results.Add(ResultItem(rank, match.Persona, match.Confidence, evidence, context.Culture));
        }

        var data = new JsonObject { ["query"] = PersonaCards.Cut(description, 300), ["results"] = results };
        if (result.DiscriminatingQuestion is { } question)
        {
            data["question"] = new JsonObject
            {
                ["text"] = question.Text,
                ["answers"] = new JsonArray([.. question.Answers.Take(6).Select(a => JsonValue.Create(PersonaCards.Cut(a.Text, 150)))]),
            };
        }

        return data;
    }

    /// <summary>One ranked persona of the match-result card (also the finder's conclusion).</summary>
    internal static JsonObject ResultItem(int rank, Persona persona, double confidence, IEnumerable<string> evidence, CultureInfo culture)
    {
        var item = new JsonObject
        {
            ["rank"] = rank,
            ["id"] = persona.Id,
            ["name"] = persona.Name,
            ["confidence"] = confidence.ToString("P0", culture),
            ["evidence"] = new JsonArray([.. evidence.Select(e => JsonValue.Create(e))]),
        };
        if (persona.Tagline is not null)
        {
            item["tagline"] = PersonaCards.Cut(persona.Tagline, 150);
        }

        return item;
    }

    private static string RubricTitle(TurnContext context, string rubric) => rubric switch
    {
        "tagline" => context.T("personaTagline"),
        "profile" => context.T("personaProfile"),
        "values" => context.T("personaValues"),
        "purchase_process" => context.T("personaPurchaseProcess"),
        "channels" => context.T("personaChannels"),
        "purchases" => context.T("personaPurchases"),
        "usages" => context.T("personaUsages"),
        "expectations" => context.T("personaExpectations"),
        "delights" => context.T("personaDelights"),
        "irritants" => context.T("personaIrritants"),
        "verbatim" => context.T("personaVerbatim"),
        "promise" => context.T("personaPromise"),
        "posture" => context.T("personaPosture"),
        "role" => context.T("personaRole"),
        "questions" => context.T("personaKeyQuestions"),
        "llm" => context.T("matchModelReason"),
        _ => context.T("personaSectorRubrics"),
    };

    private PersonaPack? Pack(TurnContext context) => personas.PackFor(context);

    /// <summary>The persona named, or an answer saying there is none, with the list to choose from.</summary>
    private async Task<(PersonaPack Pack, Persona Persona)?> PersonaAsync(TurnContext context, string name, CancellationToken cancellationToken)
    {
        if (Pack(context) is not { } pack)
        {
            await NoPackAsync(context, cancellationToken);
            return null;
        }

        if (PersonaDirectory.Resolve(pack, name) is { } persona)
        {
            return (pack, persona);
        }

        var notice = new JsonObject { ["kind"] = "warning", ["text"] = context.Strings.Format("personaUnknown", context.Culture, name.Trim()) };
        await context.SendAsync(BotMessage.FromCard("notice", notice, notice["text"]!.GetValue<string>()), cancellationToken);
        await ListAsync(context, cancellationToken);
        return null;
    }

    private static async Task NoPackAsync(TurnContext context, CancellationToken cancellationToken) =>
        await context.SendAsync(BotMessage.FromText(context.T("personaNoPack")), cancellationToken);

    /// <summary>Only https photos can be shown by both platforms; pack-relative files will be served by the host.</summary>
    private static string? PhotoUrl(Persona persona) =>
        persona.Photo is { } photo && photo.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? photo : null;

    private static string? Bullets(IReadOnlyList<string> items) =>
        items.Count == 0 ? null : string.Join("\n", items.Select(i => "- " + i));
}
