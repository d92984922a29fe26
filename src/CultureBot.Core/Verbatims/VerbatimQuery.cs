namespace CultureBot.Core.Verbatims;

/// <summary>Which verbatims a search returns by their use: in use, retired, or both.</summary>
public enum VerbatimState
{
    All,
    InUse,
    Retired,
}

/// <summary>
/// A search among one owner's verbatims, as the studio filters them: every field set narrows it (words: each must be
/// in the text, case ignored), newest first, one page at a time.
/// </summary>
public sealed record VerbatimQuery
{
    public const int MaxLimit = 500;

    /// <summary>Words that must all appear in the text (whitespace separated).</summary>
    public string? Words { get; init; }

    public string? PersonaId { get; init; }

    public VerbatimKind? Kind { get; init; }

    public string? Stage { get; init; }

    public VerbatimSource? Source { get; init; }

    /// <summary>Said on or after (an undated verbatim counts as said when it was added).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Said on or before.</summary>
    public DateOnly? To { get; init; }

    public string? Language { get; init; }

    public VerbatimState State { get; init; } = VerbatimState.All;

    public int Offset { get; init; }

    /// <summary>How many to return (at most <see cref="MaxLimit"/>).</summary>
    public int Limit { get; init; } = 50;

    /// <summary>The words to look for, each once.</summary>
    public IReadOnlyList<string> SearchWords() =>
        Words is null ? [] : [.. Words.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}

/// <summary>A stored verbatim as the studio shows it: whether it is retired, and its revision (what an edit must still find).</summary>
public sealed record StoredVerbatim(Verbatim Verbatim, DateTimeOffset? RetiredAt, int Revision)
{
    public bool IsRetired => RetiredAt is not null;
}

/// <summary>One page of a search and how many verbatims match in all.</summary>
public sealed record VerbatimPage(IReadOnlyList<StoredVerbatim> Items, int Total);

/// <summary>What became of an edit.</summary>
public enum VerbatimEditOutcome
{
    Saved,

    /// <summary>Someone changed (or retired, or restored) it since the editor opened it: nothing was written.</summary>
    Changed,

    /// <summary>No such verbatim among the owner's own.</summary>
    NotFound,

    /// <summary>The owner already has another verbatim with these words and persona.</summary>
    Duplicate,
}
