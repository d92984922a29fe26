using System.CommandLine;
using CultureBot.Content.Verbatims;
using CultureBot.Data;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot verbatims import FILE.csv [--map COLUMN=field …]</c>: store a file's valid lines, report the others.</summary>
internal static class VerbatimCommands
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "A CSV file (comma or semicolon, UTF-8) with a header line." };
        var map = new Option<string[]>("--map")
        {
            Description = $"COLUMN=FIELD for a column whose header is not known; FIELD is one of {string.Join(", ", VerbatimCsvReader.Fields)}.",
            AllowMultipleArgumentsPerToken = true,
        };
        var language = new Option<string>("--language") { Description = "The language of lines without a language column.", DefaultValueFactory = _ => "fr" };
        var import = new Command("import", "Import verbatims from CSV: personal data removed, duplicates skipped, bad lines reported with their line and field.") { file, map, language };
        import.SetAction(async (parse, cancellationToken) =>
        {
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
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"{path}: no such file.");
                return 2;
            }

            var configuration = HostConfiguration.Build(parse.UnmatchedTokens);
            var services = new ServiceCollection()
                .AddLogging()
                .AddCultureBotData(configuration)
                .AddSingleton<VerbatimImporter>()
                .BuildServiceProvider();
            await using (services)
            {
                await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
                var importer = services.GetRequiredService<VerbatimImporter>();

                // The bar goes to stderr, so that stdout carries only the summary line scripts read.
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                VerbatimImport? result = null;
                await console.Progress().AutoClear(true).StartAsync(async context =>
                {
                    var task = context.AddTask(Path.GetFileName(path), maxValue: 1);
                    result = await importer.ImportAsync(path, mapping, parse.GetValue(language)!, new Progress<double>(v => task.Value = v), cancellationToken);
                    task.Value = 1;
                });

                foreach (var error in result!.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString());
                }

                Console.WriteLine($"read={result.Read} added={result.Added} duplicates={result.Duplicates} redacted={result.Redacted} errors={result.Errors.Count}");
                return result.Errors.Count == 0 ? 0 : 1;
            }
        });
        return new Command("verbatims", "Customer verbatims.") { import };
    }
}
