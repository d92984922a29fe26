using CultureBot.Core.Conversations;

namespace CultureBot.Core.Personas;

/// <summary>One organization's personas in one language, as a pack file describes them (<c>PERSONA-PACK.md</c>).</summary>
public sealed record PersonaPack
{
    /// <summary>The slug (<c>[a-z0-9-]+</c>), unique per organization.</summary>
    public required string Slug { get; init; }

    /// <summary>The organization's name, as the pack file gives it (for people; <see cref="Owner"/> is the key).</summary>
    public string? Organization { get; init; }

    /// <summary>The organization that imported the pack and alone sees it; null for a default pack, shared by all.</summary>
    public OrganizationKey? Owner { get; init; }

    /// <summary>The BCP-47 language of the content.</summary>
    public string Language { get; init; } = "en";

    /// <summary>retail, banking, insurance, tourism, b2b, public or other.</summary>
    public string? Sector { get; init; }

    /// <summary>When the personas were last refreshed from customer listening.</summary>
    public DateOnly? Updated { get; init; }

    public PersonaMap? Map { get; init; }

    public required IReadOnlyList<Persona> Personas { get; init; }

    public IReadOnlyList<KeyQuestion> Questions { get; init; } = [];

    public Persona? Find(string id) => Personas.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.Ordinal));
}

/// <summary>The two axes of the positioning map, each with its low and high label.</summary>
public sealed record PersonaMap(string XLow, string XHigh, string YLow, string YHigh);

/// <summary>A question that helps recognise a persona (guided finder, quiz, discriminating question).</summary>
public sealed record KeyQuestion(string Id, string Text, IReadOnlyList<KeyAnswer> Answers);

/// <summary>An answer and how much it points to each persona (persona id → weight).</summary>
public sealed record KeyAnswer(string Text, IReadOnlyDictionary<string, double> Weights);
