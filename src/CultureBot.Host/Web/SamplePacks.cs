using CultureBot.Content;
using CultureBot.Core.Personas;

namespace CultureBot.Host.Web;

/// <summary>
/// The sample packs shipped beside the executable (Vélo Vert, in French and in English) and where they belong: each
/// is a default pack while no other default pack speaks its language, so importing an English pack of one's own
/// replaces the English sample and keeps the French one. With <c>Content:Samples=false</c> no sample is served. The
/// choice lives in the configuration rather than in the database: a removed sample that came back at the next start
/// would be a trap, and a setting is visible, reversible and the same for every host of a deployment.
/// </summary>
internal static class SamplePacks
{
    public sealed record Sample(string File, PersonaPack Pack);

    /// <summary>What the host does with the samples at start: the ones to import, the stored ones to take out (and why).</summary>
    public sealed record Plan(IReadOnlyList<Sample> Load, IReadOnlyList<(string Slug, string Reason)> Remove);

    /// <summary>The shipped samples, read from <c>content/packs</c> beside the executable.</summary>
    public static IReadOnlyList<Sample> Shipped() =>
        [.. ContentOptions.SamplePacks.Select(file => new Sample(file, PackReader.ReadFile(file).Pack))];

    /// <summary>Whether <paramref name="pack"/> (a stored one) is a sample: a default pack with a sample's slug.</summary>
    public static bool IsSample(StoredPack pack, IEnumerable<Sample> samples) =>
        pack.Owner is null && samples.Any(s => s.Pack.Slug == pack.Slug);

    /// <param name="enabled"><c>Content:Samples</c>.</param>
    /// <param name="samples">The shipped samples.</param>
    /// <param name="stored">Every stored pack, after <c>Content:Packs</c> were imported.</param>
    public static Plan For(bool enabled, IReadOnlyList<Sample> samples, IReadOnlyList<StoredPack> stored)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentNullException.ThrowIfNull(stored);
        var storedSamples = stored.Where(p => IsSample(p, samples)).Select(p => p.Slug).ToHashSet(StringComparer.Ordinal);
        if (!enabled)
        {
            return new Plan([], [.. storedSamples.Order(StringComparer.Ordinal).Select(slug => (slug, "Content:Samples is false"))]);
        }

        var covered = stored.Where(p => p.Owner is null && !IsSample(p, samples)).ToLookup(p => Language(p.Language), p => p.Slug, StringComparer.OrdinalIgnoreCase);
        var load = new List<Sample>();
        var remove = new List<(string, string)>();
        foreach (var sample in samples)
        {
            var own = covered[Language(sample.Pack.Language)].ToList();
            if (own.Count == 0)
            {
                load.Add(sample);
            }
            else if (storedSamples.Contains(sample.Pack.Slug))
            {
                remove.Add((sample.Pack.Slug, $"the default pack {string.Join(", ", own)} speaks {sample.Pack.Language}"));
            }
        }

        return new Plan(load, remove);
    }

    private static string Language(string language) => language.Split('-')[0];
}
