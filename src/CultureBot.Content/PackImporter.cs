using System.Security.Cryptography;
using System.Text;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;

namespace CultureBot.Content;

/// <summary>Validates a pack file whole, then stores it; a malformed pack is refused before anything is written.</summary>
public sealed class PackImporter(IPackStore store, TimeProvider clock)
{
    public sealed record Imported(PersonaPack Pack, PackImportOutcome Outcome, string Version, IReadOnlyList<string> Warnings);

    /// <summary>Imports the pack file at <paramref name="path"/> for <paramref name="owner"/> alone, or as a default pack (null) every organization without its own pack in that language sees.</summary>
    /// <exception cref="PackFormatException">The pack is malformed: nothing was imported.</exception>
    public async Task<Imported> ImportAsync(string path, OrganizationKey? owner, CancellationToken cancellationToken)
    {
        var content = await File.ReadAllTextAsync(path, cancellationToken);
        var read = PackReader.Parse(content, path);
        var version = VersionOf(content);
        var stored = new StoredPack(read.Pack.Slug, read.Pack.Organization, read.Pack.Language, version, Path.GetFileName(path), content, clock.GetUtcNow(), owner);
        var outcome = await store.SaveAsync(stored, cancellationToken);
        return new Imported(read.Pack, outcome, version, read.Warnings);
    }

    /// <summary>The version of a pack's text: the start of its SHA-256, the same text giving the same version wherever it was stored from.</summary>
    public static string VersionOf(string content) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)))[..12];

    /// <summary>Every stored pack, parsed again (the format is the single source of truth).</summary>
    public async Task<IReadOnlyList<PersonaPack>> LoadAllAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken)).Select(p => PackReader.Parse(p.Content, p.SourceFile).Pack with { Owner = p.Owner })];
}
