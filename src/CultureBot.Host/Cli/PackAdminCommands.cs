using System.CommandLine;
using System.Globalization;
using CultureBot.Content;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Host.Web;

namespace CultureBot.Host.Cli;

/// <summary>
/// <c>culturebot pack list | show SLUG | remove SLUG | export SLUG</c>: the stored packs, each owned by one
/// organization (<c>--org teams:TENANT|slack:TEAM</c>) or a default pack (no <c>--org</c>). A command never reaches
/// another owner's pack, even one with the same slug; an unknown slug exits with 2.
/// </summary>
internal static class PackAdminCommands
{
    private const string OneOwner = "Without it, the default pack (shared by every organization without its own in that language).";

    public static Command List()
    {
        var organization = CliDatabase.OrganizationOption("Only that organization's own packs; without it, every stored pack, of every owner.");
        var list = new Command("list", "The stored packs: owner, slug, language, personas, version and when it was imported.") { organization };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var (valid, owner) = await CliDatabase.ReadOrganizationAsync(parse, organization);
            if (!valid)
            {
                return 2;
            }

            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            var samples = SamplePacks.Shipped();
            var packs = Sorted(await database.Get<IPackStore>().ListAsync(cancellationToken)).Where(p => owner is null || p.Owner == owner).ToList();
            if (packs.Count == 0)
            {
                Console.WriteLine(owner is null
                    ? $"No pack stored.{(database.SamplesServed ? " The host stores the sample packs at its next start (Content:Samples)." : string.Empty)}"
                    : $"No pack of {owner}'s own: it sees the default packs.");
                return 0;
            }

            var rows = packs.Select(p => new[]
            {
                OwnerName(p.Owner), p.Slug + (SamplePacks.IsSample(p, samples) ? " (sample)" : string.Empty), p.Language,
                PersonaCount(p), p.Version, p.ImportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture),
            }).ToList();
            WriteTable(["OWNER", "SLUG", "LANGUAGE", "PERSONAS", "VERSION", "IMPORTED"], rows);
            return 0;
        });
        return list;
    }

    public static Command Show()
    {
        var (slug, organization) = SlugAndOwner();
        var show = new Command("show", "One stored pack: its personas and key questions.") { slug, organization };
        show.SetAction(async (parse, cancellationToken) => await WithPackAsync(parse, slug, organization, (stored, _) =>
        {
            var pack = PackReader.Parse(stored.Content, stored.SourceFile).Pack;
            Console.WriteLine($"{stored.Slug}: {pack.Organization ?? "(no organization name)"}, {OwnerName(stored.Owner)}, {stored.Language}, version {stored.Version}, imported {stored.ImportedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} from {stored.SourceFile}");
            Console.WriteLine();
            Console.WriteLine($"Personas ({pack.Personas.Count}):");
            WriteTable(["  ID", "NAME", "TAGLINE"], [.. pack.Personas.Select(p => new[] { "  " + p.Id, p.Name, p.Tagline ?? string.Empty })]);
            Console.WriteLine();
            Console.WriteLine($"Key questions ({pack.Questions.Count}):");
            foreach (var question in pack.Questions)
            {
                Console.WriteLine($"  {question.Id}: {question.Text} ({question.Answers.Count} answers)");
            }

            Console.WriteLine();
            Console.WriteLine(pack.Map is { } map ? $"Map: {map.XLow} → {map.XHigh} (across), {map.YLow} → {map.YHigh} (up)" : "Map: none");
            return Task.FromResult(0);
        }, cancellationToken));
        return show;
    }

    public static Command Remove()
    {
        var (slug, organization) = SlugAndOwner();
        var remove = new Command("remove", "Delete one stored pack of one owner (the host serves without it from its next start).") { slug, organization };
        remove.SetAction(async (parse, cancellationToken) => await WithPackAsync(parse, slug, organization, async (stored, database) =>
        {
            await database.Get<IPackStore>().RemoveAsync(stored.Owner, stored.Slug, cancellationToken);
            Console.WriteLine($"{stored.Slug}: removed ({OwnerName(stored.Owner)}). The host serves without it from its next start.");
            if (database.SamplesServed && SamplePacks.IsSample(stored, SamplePacks.Shipped()))
            {
                await Console.Error.WriteLineAsync(
                    $"{stored.Slug} is a sample pack: the host stores it again at its next start while no other default pack speaks {stored.Language}. " +
                    "To keep the samples out, set Content:Samples=false (appsettings.json, CONTENT__SAMPLES=false, or --Content:Samples=false).");
            }

            return 0;
        }, cancellationToken));
        return remove;
    }

    public static Command Export()
    {
        var (slug, organization) = SlugAndOwner();
        var output = new Option<FileInfo>("--out") { Description = "The file to write (replaced if it exists); without it, the standard output." };
        var export = new Command("export", "Write a stored pack's YAML, exactly as it was imported: 'culturebot pack import' reads it back to the same pack.") { slug, organization, output };
        export.SetAction(async (parse, cancellationToken) => await WithPackAsync(parse, slug, organization, async (stored, _) =>
        {
            // Every import stores the file's text whole (the content column is required): exporting it gives back the
            // pack byte for byte, comments and field order included, with the same version.
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, stored.Content, cancellationToken);
                await Console.Error.WriteLineAsync($"{stored.Slug} ({OwnerName(stored.Owner)}, version {stored.Version}) written to {file.FullName}");
            }
            else
            {
                await Console.Out.WriteAsync(stored.Content);
            }

            return 0;
        }, cancellationToken));
        return export;
    }

    private static (Argument<string> Slug, Option<string> Organization) SlugAndOwner() =>
        (new Argument<string>("SLUG") { Description = "The pack's slug (its 'pack:' field; 'culturebot pack list' shows them)." },
         CliDatabase.OrganizationOption($"The organization whose pack it is. {OneOwner}"));

    /// <summary>Runs <paramref name="action"/> on the pack SLUG of the owner --org names; an unknown one is said, with where that slug does exist, and exits with 2.</summary>
    private static async Task<int> WithPackAsync(ParseResult parse, Argument<string> slugArgument, Option<string> organization, Func<StoredPack, CliDatabase, Task<int>> action, CancellationToken cancellationToken)
    {
        var (valid, owner) = await CliDatabase.ReadOrganizationAsync(parse, organization);
        if (!valid)
        {
            return 2;
        }

        var slug = parse.GetValue(slugArgument)!;
        await using var database = await CliDatabase.OpenAsync(cancellationToken);
        var packs = Sorted(await database.Get<IPackStore>().ListAsync(cancellationToken));
        if (packs.FirstOrDefault(p => p.Owner == owner && p.Slug == slug) is { } pack)
        {
            return await action(pack, database);
        }

        var theirs = packs.Where(p => p.Owner == owner).Select(p => p.Slug).ToList();
        var elsewhere = packs.Where(p => p.Slug == slug).Select(p => p.Owner is null ? "without --org (default)" : $"--org {p.Owner}").ToList();
        await Console.Error.WriteLineAsync(
            $"No pack '{slug}' {(owner is null ? "among the default packs" : $"of {owner}'s own")}. " +
            (theirs.Count == 0 ? "There is none." : $"There: {string.Join(", ", theirs)}.") +
            (elsewhere.Count == 0 ? string.Empty : $" '{slug}' is stored for {string.Join(" and ", elsewhere)}."));
        return 2;
    }

    private static string OwnerName(OrganizationKey? owner) => owner?.ToString() ?? "default";

    /// <summary>The defaults first, then by owner as written (teams:…, slack:…) and slug.</summary>
    private static List<StoredPack> Sorted(IEnumerable<StoredPack> packs) =>
        [.. packs.OrderBy(p => p.Owner is null ? 0 : 1).ThenBy(p => OwnerName(p.Owner), StringComparer.Ordinal).ThenBy(p => p.Slug, StringComparer.Ordinal)];

    private static string PersonaCount(StoredPack pack)
    {
        try
        {
            return PackReader.Parse(pack.Content, pack.SourceFile).Pack.Personas.Count.ToString(CultureInfo.InvariantCulture);
        }
        catch (PackFormatException)
        {
            // Stored by an older version whose format has since moved on: the host would refuse it at start as well.
            return "unreadable";
        }
    }

    /// <summary>Columns padded to their widest cell, the last one left as is.</summary>
    private static void WriteTable(string[] header, IReadOnlyList<string[]> rows)
    {
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            Console.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }
}
