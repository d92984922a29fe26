using System.Security.Cryptography;
using System.Text;
using CultureBot.Core.Bot;
using CultureBot.Core.Privacy;

namespace CultureBot.Core.Verbatims;

/// <summary>What a verbatim says about the customer's experience.</summary>
public enum VerbatimKind
{
    Delight,
    Irritant,
    Expectation,
}

/// <summary>Where a verbatim was heard.</summary>
public enum VerbatimSource
{
    Interview,
    Committee,
    Survey,
    Review,
    Call,
}

/// <summary>A customer's own words, stored with personal data already removed.</summary>
public sealed record Verbatim
{
    /// <summary>The store's id; 0 before it is stored.</summary>
    public long Id { get; init; }

    public required string Text { get; init; }

    /// <summary>The persona it illustrates (a pack persona id), when known.</summary>
    public string? PersonaId { get; init; }

    public VerbatimKind? Kind { get; init; }

    /// <summary>The journey stage (discovery, purchase, delivery, after-sales…), free text from the team's own vocabulary.</summary>
    public string? Stage { get; init; }

    public VerbatimSource? Source { get; init; }

    /// <summary>When the customer said it.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The contact channel it came through (store, phone, web…).</summary>
    public string? Channel { get; init; }

    /// <summary>The verbatim's language (BCP-47, <c>fr</c>, <c>en</c>).</summary>
    public required string Language { get; init; }

    /// <summary>
    /// The verbatim with personal data removed from every free-text field, not only the words: a stage, a channel
    /// or a persona typed by hand can hold a phone number or an address as well.
    /// </summary>
    public Verbatim WithoutPersonalData() => this with
    {
        Text = PersonalDataRedactor.Redact(Text),
        PersonaId = PersonaId is null ? null : PersonalDataRedactor.Redact(PersonaId),
        Stage = Stage is null ? null : PersonalDataRedactor.Redact(Stage),
        Channel = Channel is null ? null : PersonalDataRedactor.Redact(Channel),
    };

    /// <summary>
    /// What makes two verbatims the same: the text folded (case, accents, spacing) with the persona. The store
    /// keeps one per fingerprint, so a file imported twice adds nothing the second time.
    /// </summary>
    public string Fingerprint =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TextMatching.Fold(Text) + "\u001f" + (PersonaId ?? string.Empty))));
}
