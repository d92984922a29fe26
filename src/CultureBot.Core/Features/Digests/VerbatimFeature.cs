using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Insights;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Features.Digests;

/// <summary>
/// <c>add verbatim</c> / <c>ajouter un verbatim</c> (not <c>verbatim X</c>, which asks for a persona's key verbatim): a form card (the words, and optionally the persona, kind, stage
/// and source); its button stores the verbatim, personal data removed, and turns the form into a confirmation.
/// </summary>
public sealed class VerbatimFeature(IVerbatimStore verbatims, PersonaDirectory personas, TimeProvider clock)
{
    public const string FormCard = "verbatim-form";
    public const string SaveVerb = "verbatim-save";

    /// <summary>A verbatim is a sentence or a few; a pasted e-mail thread is not.</summary>
    public const int MaxLength = 2000;

    public static void Map(FeatureRoutes<VerbatimFeature> routes) => routes
        .MapCommand("add-verbatim", verbatim => verbatim.ShowFormAsync)
        .MapAction(SaveVerb, verbatim => verbatim.SaveAsync);

    private async Task ShowFormAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var pack = personas.PackFor(context);
        var choices = new JsonArray([.. (pack?.Personas ?? []).Take(PersonaCards.MaxListPersonas).Select(p => (JsonNode)new JsonObject { ["id"] = p.Id, ["name"] = PersonaCards.Cut(p.Name, 70) })]);
        var data = new JsonObject { ["personas"] = choices, ["text"] = context.CommandArguments.Length > 0 ? PersonaCards.Cut(context.CommandArguments, MaxLength) : string.Empty };
        await context.SendAsync(BotMessage.FromCard(FormCard, data, context.T("verbatimFormTitle")), cancellationToken);
    }

    private async Task SaveAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (ReadForm(context.Turn.ActionData ?? [], context.Culture.TwoLetterISOLanguageName) is not var (verbatim, redacted))
        {
            await context.SendAsync(BotMessage.FromText(context.T("verbatimEmpty")), cancellationToken);
            return;
        }

        var now = clock.GetUtcNow();
        var added = await verbatims.AddAsync(context.Turn.Conversation.Key.Organization, [verbatim], now, cancellationToken);
        var reply = context.T(added == 0 ? "verbatimDuplicate" : "verbatimSaved");
        if (added > 0 && redacted)
        {
            reply += " " + context.T("verbatimRedacted");
        }

        await context.Channel.UpdateActionSourceAsync(BotMessage.FromText($"{reply}\n\n> {verbatim.Text}"), cancellationToken);
        if (added > 0 && verbatim.PersonaId is null)
        {
            await RecordIfUnmatchedAsync(context, verbatim, cancellationToken);
        }
    }

    /// <summary>
    /// A verbatim given no persona that no persona fits well either is what the culture may be missing: it is noted
    /// (words already redacted) for the studio's "what the culture is missing".
    /// </summary>
    private async Task RecordIfUnmatchedAsync(TurnContext context, Verbatim verbatim, CancellationToken cancellationToken)
    {
        if (personas.PackFor(context) is not { } pack)
        {
            return;
        }

        var top = personas.MatcherFor(pack).Match(verbatim.Text).Ranked.FirstOrDefault(r => r.Score > 0);
        var confidence = top?.Confidence ?? 0;
        if (confidence < EngagementRecording.LowConfidence)
        {
            await context.RecordAsync(EngagementKinds.VerbatimUnmatched, top?.Persona.Id, Math.Round(confidence, 3), verbatim.Text, cancellationToken);
        }
    }

    /// <summary>The form's fields as a verbatim, personal data removed from each (and whether there was any); null without words.</summary>
    internal static (Verbatim Verbatim, bool Redacted)? ReadForm(JsonObject data, string language)
    {
        if (Field(data, "text") is not { } text)
        {
            return null;
        }

        var typed = new Verbatim
        {
            Text = PersonaCards.Cut(text, MaxLength) ?? text,
            PersonaId = Field(data, "persona"),
            Kind = Enum.TryParse<VerbatimKind>(Field(data, "kind"), ignoreCase: true, out var kind) ? kind : null,
            Stage = Field(data, "stage"),
            Source = Enum.TryParse<VerbatimSource>(Field(data, "source"), ignoreCase: true, out var source) ? source : null,
            Language = language,
        };
        var clean = typed.WithoutPersonalData();
        return (clean, clean != typed);
    }

    private static string? Field(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;
}
