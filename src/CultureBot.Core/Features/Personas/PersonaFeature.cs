using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CultureBot.Core.Bot;
using CultureBot.Core.Features.Help;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Map;
using CultureBot.Core.Personas.Matching;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Features.Personas;

/// <summary>
/// Persona Q&amp;A: the list, a sheet, "how do I talk to X", "what irritates X", "what does X expect",
/// "what delights X", "X's verbatim", and "which persona fits this customer?" — asked as a command, or simply
/// by describing the customer.
/// </summary>
public static partial class PersonaFeature
{
    /// <summary>A message with at least this many content words, and no command, is read as a customer description.</summary>
    public const int DescriptionMinTerms = 3;

    public static BotRouteBuilder MapPersonas(this BotRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        return routes
            .MapCommand("personas", ["persona list", "list personas", "liste des personas", "les personas", "nos personas"], ListAsync)
            .MapCommand("persona", ["fiche", "fiche persona", "sheet"], SheetAsync)
            .MapCommand("map", ["persona map", "positioning map", "carte", "carte des personas", "la carte"], MapAsync)
            .MapCommand("match", ["which persona fits", "which persona for", "which persona", "quel persona pour", "quel persona correspond a", "quel persona"], MatchAsync)
            .MapPattern("persona-talk", TalkPattern(), (c, t) => RubricAsync(c, Rubric.Posture, t))
            .MapPattern("persona-irritants", IrritantsPattern(), (c, t) => RubricAsync(c, Rubric.Irritants, t))
            .MapPattern("persona-expectations", ExpectationsPattern(), (c, t) => RubricAsync(c, Rubric.Expectations, t))
            .MapPattern("persona-delights", DelightsPattern(), (c, t) => RubricAsync(c, Rubric.Delights, t))
            .MapPattern("persona-verbatim", VerbatimPattern(), (c, t) => RubricAsync(c, Rubric.Verbatim, t))
            .OnUnmatchedMessage("describe-customer", DescriptionOrNotUnderstoodAsync);
    }

    private enum Rubric
    {
        Posture,
        Irritants,
        Expectations,
        Delights,
        Verbatim,
    }

    private static async Task ListAsync(TurnContext context, CancellationToken cancellationToken)
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

    private static async Task MapAsync(TurnContext context, CancellationToken cancellationToken)
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

    private static async Task SheetAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (await PersonaAsync(context, context.CommandArguments, cancellationToken) is not { } found)
        {
            return;
        }

        var card = PersonaCards.SheetCard(found.Persona, PhotoUrl(found.Persona), found.Pack.Organization);
        await context.SendAsync(new BotMessage(found.Persona.Name, card), cancellationToken);
    }

    private static async Task RubricAsync(TurnContext context, Rubric rubric, CancellationToken cancellationToken)
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

    private static async Task MatchAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(context.CommandArguments))
        {
            await context.SendAsync(BotMessage.FromText(context.T("matchHowTo")), cancellationToken);
            return;
        }

        await MatchDescriptionAsync(context, context.CommandArguments, cancellationToken);
    }

    private static async Task DescriptionOrNotUnderstoodAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var text = context.Turn.Text ?? string.Empty;
        if (Pack(context) is not null && TextAnalyzer.Terms(text).Count >= DescriptionMinTerms)
        {
            await MatchDescriptionAsync(context, text, cancellationToken);
            return;
        }

        await HelpFeature.NotUnderstoodAsync(context, cancellationToken);
    }

    private static async Task MatchDescriptionAsync(TurnContext context, string description, CancellationToken cancellationToken)
    {
        if (Pack(context) is not { } pack)
        {
            await NoPackAsync(context, cancellationToken);
            return;
        }

        var result = context.Services.GetRequiredService<PersonaDirectory>().MatcherFor(pack).Match(description);
        if (context.Services.GetService<IPersonaReranker>() is { } reranker)
        {
            result = await reranker.RerankAsync(pack, description, result, context.Culture, cancellationToken) ?? result;
        }

        var card = MatchCard(context, description, result);
        await context.SendAsync(BotMessage.FromCard("match-result", card, context.T("matchTitle")), cancellationToken);
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

    private static PersonaPack? Pack(TurnContext context) =>
        context.OrganizationPack();

    /// <summary>The persona named, or an answer saying there is none, with the list to choose from.</summary>
    private static async Task<(PersonaPack Pack, Persona Persona)?> PersonaAsync(TurnContext context, string name, CancellationToken cancellationToken)
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

    // Questions in words, on folded text (lower case, no accents). The persona's name is the "args" group.
    [GeneratedRegex(@"^(how (do|should|can|to) (i |we )?(talk|speak) (to|with)|comment (parler|s'adresser|communiquer) (a|avec)|comment lui parler,?) (?<args>.+?)\s*\??$")]
    private static partial Regex TalkPattern();

    [GeneratedRegex(@"^(what (irritates|annoys|frustrates|bothers)|qu'est-ce qui (irrite|agace|enerve|derange)|qu'est ce qui (irrite|agace|enerve)|ce qui (irrite|agace)|irritants (de|of)) (?<args>.+?)\s*\??$")]
    private static partial Regex IrritantsPattern();

    [GeneratedRegex(@"^(what does (?<args>.+?) expect|what do (?<args>.+?) expect|qu'attend (?<args>.+?)|que (veut|attend) (?<args>.+?)|(expectations|attentes) (de|of) (?<args>.+?))\s*\??$")]
    private static partial Regex ExpectationsPattern();

    [GeneratedRegex(@"^(what (delights|enchants|pleases)|qu'est-ce qui (enchante|ravit|plait a)|qu'est ce qui (enchante|ravit)|ce qui (enchante|ravit)) (?<args>.+?)\s*\??$")]
    private static partial Regex DelightsPattern();

    [GeneratedRegex(@"^((?<args>.+?)'s verbatim|verbatim (de |d'|of )?(?<args>.+?)|le verbatim (de |d')(?<args>.+?))\s*\??$")]
    private static partial Regex VerbatimPattern();
}
