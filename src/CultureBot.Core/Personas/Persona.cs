namespace CultureBot.Core.Personas;

/// <summary>
/// A customer persona as a pack describes it (the rubrics of a persona sheet, <c>PERSONA-PACK.md</c>).
/// Only <see cref="Id"/> and <see cref="Name"/> are required; every other rubric may be absent.
/// </summary>
public sealed record Persona
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>A pack-relative path or an https URL.</summary>
    public string? Photo { get; init; }

    public string? Tagline { get; init; }

    /// <summary>B2B only: prescriber, decider, buyer, user, payer.</summary>
    public string? Role { get; init; }

    public string? Profile { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];

    public string? PurchaseProcess { get; init; }

    /// <summary>Preferred channels, most preferred first.</summary>
    public IReadOnlyList<string> Channels { get; init; } = [];

    public string? Purchases { get; init; }

    /// <summary>0 to 10 (halves and decimals allowed).</summary>
    public double? Satisfaction { get; init; }

    public string? Usages { get; init; }

    public IReadOnlyList<string> Expectations { get; init; } = [];

    public IReadOnlyList<string> Delights { get; init; } = [];

    public IReadOnlyList<string> Irritants { get; init; } = [];

    public string? Verbatim { get; init; }

    public string? Promise { get; init; }

    public string? Posture { get; init; }

    /// <summary>Sector-specific rubrics, in the pack's order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SectorRubrics { get; init; } = [];

    /// <summary>Position on the pack's map, each coordinate in [-1, 1].</summary>
    public (double X, double Y)? MapPosition { get; init; }
}
