using System.CommandLine;
using CultureBot.Content;
using CultureBot.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot pack import FILE…</c>: validate packs whole and store them in the configured database.</summary>
internal static class PackCommands
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("FILE") { Description = "Persona pack files (YAML).", Arity = ArgumentArity.OneOrMore };
        var import = new Command("import", "Validate persona packs and store them (a pack with the same slug is replaced). The host serves them from its next start.") { files };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var configuration = HostConfiguration.Build(parse.UnmatchedTokens);
            var services = new ServiceCollection()
                .AddLogging()
                .AddCultureBotData(configuration)
                .AddSingleton<PackImporter>()
                .BuildServiceProvider();
            await using (services)
            {
                await services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
                var importer = services.GetRequiredService<PackImporter>();
                var status = 0;
                foreach (var file in parse.GetValue(files)!)
                {
                    try
                    {
                        var imported = await importer.ImportAsync(file.FullName, cancellationToken);
                        foreach (var warning in imported.Warnings)
                        {
                            await Console.Error.WriteLineAsync(warning);
                        }

                        Console.WriteLine($"{imported.Pack.Slug}: {imported.Outcome.ToString().ToLowerInvariant()} ({imported.Pack.Language}, {imported.Pack.Personas.Count} personas, {imported.Pack.Questions.Count} key questions, version {imported.Version})");
                    }
                    catch (Exception e) when (e is PackFormatException or IOException)
                    {
                        await Console.Error.WriteLineAsync(e.Message);
                        status = 1;
                    }
                }

                return status;
            }
        });
        return new Command("pack", "Persona packs.") { import };
    }
}
