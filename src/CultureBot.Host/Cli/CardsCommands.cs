using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Cards.Templating;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;

namespace CultureBot.Host.Cli;

/// <summary>Commands for card designers: expand one template, check the whole catalog.</summary>
internal static class CardsCommands
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create() => new("cards", "Card templates: expand one, check the catalog.") { Expand(), Check() };

    private static Command Expand()
    {
        var template = new Argument<FileInfo>("TEMPLATE") { Description = "The template, e.g. cards/teams/persona.json." };
        var data = new Argument<FileInfo>("DATA") { Description = "The data, e.g. cards/samples/persona.json." };
        var language = new Option<string>("--lang") { Description = "UI strings injected as t when the data has none (en, fr).", DefaultValueFactory = _ => "en" };
        var host = new Option<FileInfo?>("--host") { Description = "A JSON file bound to $host." };
        var command = new Command("expand", "Print the template expanded with the data (CultureBot's engine).") { template, data, language, host };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var templateFile = parse.GetValue(template)!;
            try
            {
                var compiled = CardTemplate.Parse(await File.ReadAllTextAsync(templateFile.FullName, cancellationToken));
                var model = JsonNode.Parse(await File.ReadAllTextAsync(parse.GetValue(data)!.FullName, cancellationToken));
                if (model is JsonObject obj && !obj.ContainsKey("t") && CatalogOf(templateFile) is { } catalog)
                {
                    model = catalog.ViewModel(new CardContent(Path.GetFileNameWithoutExtension(templateFile.Name), obj), Locales.Resolve(parse.GetValue(language)));
                }

                var hostData = parse.GetValue(host) is { } h ? JsonNode.Parse(await File.ReadAllTextAsync(h.FullName, cancellationToken)) : null;
                var result = compiled.Expand(model, hostData);
                Console.WriteLine(result is null ? "null" : result.ToJsonString(Indented));
                return 0;
            }
            catch (Exception e) when (e is JsonException or TemplateException or IOException or CardCatalogException)
            {
                await Console.Error.WriteLineAsync($"{templateFile.FullName}: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Command Check()
    {
        var directory = new Option<DirectoryInfo?>("--cards") { Description = "The catalog folder. Default: cards beside the executable." };
        var command = new Command("check", "Load the catalog, expand every card with its sample in every language, check each platform's limits.") { directory };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = parse.GetValue(directory)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "cards");
            var problems = new List<string>();
            var count = 0;
            try
            {
                var catalog = CardCatalog.Load(root);
                foreach (var (platform, folder) in CardCatalog.PlatformFolders)
                {
                    foreach (var name in catalog.Names(platform))
                    {
                        var sample = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(root, "samples", name + ".json"), cancellationToken))!.AsObject();
                        foreach (var culture in catalog.Strings.Languages.Select(CultureInfo.GetCultureInfo))
                        {
                            count++;
                            var card = catalog.Render(platform, new CardContent(name, sample), culture);
                            problems.AddRange(CardLimits.Check(platform, card).Select(p => $"{Path.Combine(root, folder, name + ".json")} ({culture.TwoLetterISOLanguageName}): {p}"));
                        }
                    }
                }
            }
            catch (Exception e) when (e is CardCatalogException or TemplateException or JsonException)
            {
                problems.Add(e.Message);
            }

            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync(problem);
            }

            Console.WriteLine(problems.Count == 0 ? $"cards: {count} expansions checked, no problem" : $"cards: {problems.Count} problem(s)");
            return problems.Count == 0 ? 0 : 1;
        });
        return command;
    }

    /// <summary>The catalog a template belongs to (<c>cards/teams/x.json</c> → <c>cards/</c>), if it has UI strings.</summary>
    private static CardCatalog? CatalogOf(FileInfo template)
    {
        var directory = template.Directory?.Parent;
        if (directory is null || !File.Exists(Path.Combine(directory.FullName, "strings", "en.json")))
        {
            return null;
        }

        return CardCatalog.Load(directory.FullName);
    }
}
