using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CultureBot.Content;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;
using CultureBot.Host.Web;

namespace CultureBot.Host.Cli;

/// <summary>
/// <c>culturebot verbatims list [--persona NAME] [--json] | delete ID | export FILE</c>, each for one owner as
/// <c>verbatims import</c> stores them: an organization's own (<c>--org teams:TENANT|slack:TEAM</c>) or, without
/// <c>--org</c>, the shared ones every organization sees (the samples among them). Never another owner's.
/// </summary>
internal static class VerbatimAdminCommands
{
    private const string OwnerHelp = "Without it, the shared verbatims (imported without --org, and the samples).";

    public static Command List()
    {
        var organization = CliDatabase.OrganizationOption($"Its own verbatims. {OwnerHelp}");
        var persona = new Option<string>("--persona") { Description = "Only the verbatims of this persona (its id as the file gave it; case and accents ignored)." };
        var json = new Option<bool>("--json") { Description = "One JSON array, every field, for scripts." };
        var list = new Command("list", "The stored verbatims of one owner, oldest first: id, date, language, persona, kind, text.") { organization, persona, json };
        list.SetAction(async (parse, cancellationToken) =>
        {
            var (valid, owner) = await ReadOwnerAsync(parse, organization);
            if (!valid)
            {
                return 2;
            }

            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            var verbatims = await database.Get<IVerbatimStore>().ListOwnAsync(owner, cancellationToken);
            if (parse.GetValue(persona) is { } wanted)
            {
                verbatims = [.. verbatims.Where(v => TextMatching.Fold(v.PersonaId) == TextMatching.Fold(wanted))];
            }

            if (parse.GetValue(json))
            {
                Console.WriteLine(Json(verbatims));
                return 0;
            }

            foreach (var v in verbatims)
            {
                var text = v.Text.ReplaceLineEndings(" ");
                Console.WriteLine(string.Join("  ",
                    v.Id.ToString(CultureInfo.InvariantCulture).PadLeft(6), v.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated   ",
                    v.Language.PadRight(2), (v.PersonaId ?? "-").PadRight(12), (v.Kind?.ToString().ToLowerInvariant() ?? "-").PadRight(11),
                    text.Length > 100 ? text[..99] + "…" : text));
            }

            Console.WriteLine($"{verbatims.Count} verbatims ({Describe(owner)}).");
            return 0;
        });
        return list;
    }

    public static Command Delete()
    {
        var id = new Argument<long>("ID") { Description = "The verbatim's id ('culturebot verbatims list' shows them)." };
        var organization = CliDatabase.OrganizationOption($"The organization whose verbatim it is. {OwnerHelp}");
        var delete = new Command("delete", "Delete one stored verbatim of one owner (and the digests' memory of having shown it).") { id, organization };
        delete.SetAction(async (parse, cancellationToken) =>
        {
            var (valid, owner) = await ReadOwnerAsync(parse, organization);
            if (!valid)
            {
                return 2;
            }

            var wanted = parse.GetValue(id);
            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            if (!await database.Get<IVerbatimStore>().DeleteAsync(owner, wanted, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"No verbatim {wanted} among the {Describe(owner)} verbatims: 'culturebot verbatims list{(owner == OrganizationKey.Samples ? string.Empty : $" --org {owner}")}' shows them.");
                return 2;
            }

            Console.WriteLine($"Verbatim {wanted} deleted ({Describe(owner)}).");
            return 0;
        });
        return delete;
    }

    public static Command Export()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "The CSV file to write (replaced if it exists)." };
        var organization = CliDatabase.OrganizationOption($"Its own verbatims. {OwnerHelp}");
        var export = new Command("export", "Write one owner's verbatims as CSV (UTF-8, comma, the import's own headers): 'culturebot verbatims import' reads it back.") { file, organization };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var (valid, owner) = await ReadOwnerAsync(parse, organization);
            if (!valid)
            {
                return 2;
            }

            var path = parse.GetValue(file)!.FullName;
            await using var database = await CliDatabase.OpenAsync(cancellationToken);
            var verbatims = await database.Get<IVerbatimStore>().ListOwnAsync(owner, cancellationToken);

            // With a byte order mark: spreadsheets then read the accents right; the import skips it.
            await using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
            {
                VerbatimCsvWriter.Write(writer, verbatims);
            }

            Console.WriteLine($"exported={verbatims.Count} file={path}");
            return 0;
        });
        return export;
    }

    /// <summary>
    /// After an import: the language its lines got and why, the columns it did not take, the personas no pack knows
    /// (on stderr, beside the errors: stdout keeps the one summary line scripts read).
    /// </summary>
    public static async Task ReportAsync(VerbatimImport result, string file, OrganizationKey owner, IPackStore packs, bool samplesServed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var name = Path.GetFileName(file);
        // An undecided language is already among the errors, with the lines it cost.
        if (result.Language is { Language: { } language } choice)
        {
            await Console.Error.WriteLineAsync($"{name}: language {language} for the lines without a language cell: {choice.Reason}");
        }
        else if (result.Language is null && result.Read > 0)
        {
            await Console.Error.WriteLineAsync($"{name}: language from each line's language column");
        }
        if (result.IgnoredColumns.Count > 0)
        {
            await Console.Error.WriteLineAsync(
                $"{name}:1: warning: columns not recognised, their cells not imported: {string.Join(", ", result.IgnoredColumns)}. " +
                $"Known (English or French names): {string.Join(", ", VerbatimCsvReader.Fields)}; map one with --map \"{result.IgnoredColumns[0]}=FIELD\".");
        }

        var unknown = VerbatimPersonas.NotIn(await PacksSeenByAsync(owner, packs, samplesServed, cancellationToken), result.Personas);
        if (unknown.Count > 0)
        {
            await Console.Error.WriteLineAsync(
                $"{name}: warning: personas in no pack {(owner == OrganizationKey.Samples ? "of the default packs" : $"of {owner} or the default packs")}, imported as written: " +
                string.Join(", ", unknown.Select(u => $"'{u.Key}' ({u.Value} {(u.Value == 1 ? "verbatim" : "verbatims")})")) + ". They show on no persona sheet until a pack has them.");
        }
    }

    /// <summary>The packs whose personas a verbatim of <paramref name="owner"/> can name: its own, the defaults, and the samples the host serves.</summary>
    private static async Task<IReadOnlyList<PersonaPack>> PacksSeenByAsync(OrganizationKey owner, IPackStore store, bool samplesServed, CancellationToken cancellationToken)
    {
        var stored = (await store.ListAsync(cancellationToken)).Where(p => p.Owner is null || p.Owner == owner);
        var packs = new List<PersonaPack>();
        foreach (var pack in stored)
        {
            try
            {
                packs.Add(PackReader.Parse(pack.Content, pack.SourceFile).Pack);
            }
            catch (PackFormatException)
            {
                // A pack the host would refuse at start names no persona it serves.
            }
        }

        return samplesServed ? [.. packs, .. SamplePacks.Shipped().Select(s => s.Pack)] : packs;
    }

    private static async Task<(bool Valid, OrganizationKey Owner)> ReadOwnerAsync(ParseResult parse, Option<string> organization)
    {
        var (valid, owner) = await CliDatabase.ReadOrganizationAsync(parse, organization);
        return (valid, owner ?? OrganizationKey.Samples);
    }

    /// <summary>"shared" (imported without --org, seen by every organization) or the organization.</summary>
    private static string Describe(OrganizationKey owner) =>
        owner == OrganizationKey.Samples ? "shared" : owner.ToString();

    private static string Json(IReadOnlyList<Verbatim> verbatims)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var v in verbatims)
            {
                json.WriteStartObject();
                json.WriteNumber("id", v.Id);
                json.WriteString("text", v.Text);
                json.WriteString("persona", v.PersonaId);
                json.WriteString("kind", v.Kind?.ToString().ToLowerInvariant());
                json.WriteString("stage", v.Stage);
                json.WriteString("source", v.Source?.ToString().ToLowerInvariant());
                json.WriteString("date", v.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                json.WriteString("channel", v.Channel);
                json.WriteString("language", v.Language);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
