using System.CommandLine;
using CultureBot.Content;
using CultureBot.Core.Conversations;
using CultureBot.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Cli;

/// <summary>
/// <c>culturebot pack import [--org teams:TENANT|slack:TEAM] FILE…</c>: validate packs whole and store them in the
/// configured database, for one organization alone, or (without <c>--org</c>) as default packs shared by all; the
/// other pack commands are in <see cref="PackAdminCommands"/>.
/// </summary>
internal static class PackCommands
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "Persona pack files (YAML).", Arity = ArgumentArity.OneOrMore }.ExistingFiles();
        var organization = new Option<string>("--org")
        {
            Description = $"The organization the packs are for ({OrganizationKey.Format}): it alone sees them. Without it, they are default packs, seen by every organization that has no pack of its own in their language.",
        };
        var import = new Command("import", "Validate persona packs and store them (the organization's pack with the same slug is replaced). The host serves them from its next start.") { files, organization };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var (valid, owner) = await CliDatabase.ReadOrganizationAsync(parse, organization);
            if (!valid)
            {
                return UsageErrors.ExitCode;
            }

            var services = await CommandDatabase.OpenAsync(s => s.AddSingleton<PackImporter>(), cancellationToken);
            await using (services)
            {
                var importer = services.GetRequiredService<PackImporter>();
                var status = 0;
                foreach (var file in parse.GetValue(files)!.Select(p => new FileInfo(p)))
                {
                    try
                    {
                        var imported = await importer.ImportAsync(file.FullName, owner, cancellationToken);
                        foreach (var warning in imported.Warnings)
                        {
                            await Console.Error.WriteLineAsync(warning);
                        }

                        Console.WriteLine($"{imported.Pack.Slug}: {imported.Outcome.ToString().ToLowerInvariant()} for {owner?.ToString() ?? "every organization (default)"} ({imported.Pack.Language}, {imported.Pack.Personas.Count} personas, {imported.Pack.Questions.Count} key questions, version {imported.Version})");
                    }
                    catch (Exception e) when (e is PackFormatException or IOException)
                    {
                        await Console.Error.WriteLineAsync(e.Message);
                        status = UsageErrors.ExitCode;
                    }
                }

                return status;
            }
        });
        return new Command("pack", "Persona packs.") { import, PackAdminCommands.List(), PackAdminCommands.Show(), PackAdminCommands.Remove(), PackAdminCommands.Export() };
    }
}
