using System.CommandLine;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Conversations;
using CultureBot.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CultureBot.Host.Cli;

/// <summary>
/// <c>culturebot verbatims import FILE.csv [--org teams:TENANT|slack:TEAM] [--map COLUMN=field …]</c>: store a file's valid
/// lines for one organization (without <c>--org</c>: shared by all, like the sample verbatims), report the others; <c>culturebot verbatims assign --org teams:TENANT|slack:TEAM</c>: hand
/// the verbatims stored before organizations were kept apart to the organization they belong to. List, delete and
/// export are in <see cref="VerbatimAdminCommands"/>.
/// </summary>
internal static class VerbatimCommands
{
    private const string OrganizationHelp = "The organization the verbatims belong to: teams:TENANT (a Microsoft 365 tenant id) or slack:TEAM (a Slack workspace id).";

    public static Command Create()
    {
        var import = Import();
        var organization = new Option<string>("--org") { Description = OrganizationHelp, Required = true };
        var assign = new Command("assign", "Give the verbatims whose organization is not known (imported before organizations were kept apart) to one organization.") { organization };
        assign.SetAction(async (parse, cancellationToken) =>
        {
            if (OrganizationKey.TryParse(parse.GetValue(organization)) is not { } owner)
            {
                await BadOrganizationAsync(parse.GetValue(organization));
                return 2;
            }

            var services = await CommandDatabase.OpenAsync(null, cancellationToken);
            await using (services)
            {
                var moved = await services.GetRequiredService<CultureBot.Core.Verbatims.IVerbatimStore>().AssignUnassignedAsync(owner, cancellationToken);
                Console.WriteLine($"assigned={moved} org={owner}");
                return 0;
            }
        });
        return new Command("verbatims", "Customer verbatims.") { import, assign, VerbatimAdminCommands.List(), VerbatimAdminCommands.Delete(), VerbatimAdminCommands.Export() };
    }

    private static Task BadOrganizationAsync(string? text) =>
        Console.Error.WriteLineAsync($"--org: expected {OrganizationKey.Format}, got '{text}'.");

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV file (comma or semicolon, UTF-8) with a header line." }.ExistingFiles();
        var map = new Option<string[]>("--map")
        {
            Description = $"COLUMN=FIELD for a column whose header is not known; FIELD is one of {string.Join(", ", VerbatimCsvReader.Fields)}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var language = new Option<string>("--language") { Description = "The language of lines without a language column; without it, the file name's (NAME.en.csv), else the one its words show (French or English)." };
        var organization = new Option<string>("--org") { Description = OrganizationHelp + " Without it, the verbatims are shared defaults, seen by every organization beside its own (as the default packs are)." };
        var import = new Command("import", "Import verbatims from CSV, for one organization or shared by all: personal data removed, duplicates skipped, bad lines reported with their line and field.") { file, map, language, organization };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var owner = parse.GetValue(organization) is { } named ? OrganizationKey.TryParse(named) : OrganizationKey.Samples;
            if (owner is null)
            {
                await BadOrganizationAsync(parse.GetValue(organization));
                return 2;
            }

            IReadOnlyDictionary<string, string> mapping;
            try
            {
                mapping = VerbatimCsvReader.ParseMapping(parse.GetValue(map) ?? []);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            var path = parse.GetValue(file)!.FullName;
            var services = await CommandDatabase.OpenAsync(s => s.AddSingleton<VerbatimImporter>(), cancellationToken);
            await using (services)
            {
                var importer = services.GetRequiredService<VerbatimImporter>();

                // The bar goes to stderr, so that stdout carries only the summary line scripts read.
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                VerbatimImport? result = null;
                await console.Progress().AutoClear(true).StartAsync(async context =>
                {
                    var task = context.AddTask(Path.GetFileName(path), maxValue: 1);
                    result = await importer.ImportAsync(owner, path, mapping, parse.GetValue(language), new Progress<double>(v => task.Value = v), cancellationToken);
                    task.Value = 1;
                });

                foreach (var error in result!.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                await VerbatimAdminCommands.ReportAsync(result, path, owner, services.GetRequiredService<CultureBot.Core.Personas.IPackStore>(), HostConfiguration.Build().GetValue("Content:Samples", true), cancellationToken);

                Console.WriteLine($"read={result.Read} added={result.Added} duplicates={result.Duplicates} redacted={result.Redacted} errors={result.Errors.Count}");
                return result.Errors.Count == 0 ? 0 : 1;
            }
        });
        return import;
    }
}
