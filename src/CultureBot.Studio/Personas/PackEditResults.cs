using CultureBot.Content;
using CultureBot.Core.Personas;

namespace CultureBot.Studio.Personas;

/// <summary>
/// A pack as an organization opens it in the studio: its own, or the shared default it sees (which its first change
/// copies into one of its own). <see cref="Revision"/> is the token an editor carries back with a change.
/// </summary>
/// <param name="Revision">Its own pack's newest version number; 0 while it sees only the shared default.</param>
public sealed record EditablePack(StoredPack Stored, int Revision, bool IsShared, PersonaPack Pack)
{
    public string Slug => Stored.Slug;

    /// <summary>A fresh editable model of its YAML (each change starts from its own).</summary>
    public PackDocument Document() => PackDocument.Load(Stored.Content);
}

public enum PackEditOutcome
{
    /// <summary>Stored as a new version, and served.</summary>
    Saved,

    /// <summary>The change leaves the pack as it is: nothing stored.</summary>
    Unchanged,

    /// <summary>Someone stored a version since the editor opened the pack: nothing stored; <see cref="PackEditResult.Current"/> is what is there now.</summary>
    Conflict,

    /// <summary>The pack would be malformed: nothing stored; <see cref="PackEditResult.Problems"/> names each field and line.</summary>
    Invalid,

    /// <summary>No such pack, persona or version for this organization.</summary>
    NotFound,
}

/// <summary>What a change did. Only <see cref="PackEditOutcome.Saved"/> stored anything.</summary>
public sealed record PackEditResult(PackEditOutcome Outcome)
{
    /// <summary>The version stored (saved), or the newest one (conflict).</summary>
    public int Revision { get; init; }

    public string Summary { get; init; } = string.Empty;

    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The pack as stored now (conflict: what someone else saved).</summary>
    public EditablePack? Current { get; init; }

    /// <summary>The newest version: who stored it, when, what it changed (conflict).</summary>
    public PackVersion? Latest { get; init; }
}

/// <summary>What an uploaded pack would do before it is stored: its problems, or what it changes.</summary>
/// <param name="OpenedRevision">The revision it would replace (0: none of the organization's own), carried back by "Replace".</param>
public sealed record PackUploadPreview(IReadOnlyList<string> Problems, IReadOnlyList<string> Warnings, string? Slug, bool IsNew, int OpenedRevision, string Summary)
{
    public bool IsValid => Problems.Count == 0;
}
