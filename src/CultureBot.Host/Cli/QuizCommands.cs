using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Cards;
using CultureBot.Content;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Quiz;
using CultureBot.Core.Verbatims;
using CultureBot.Host.Web;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot quiz generate</c>: every question a pack can produce, for content owners to review.</summary>
internal static class QuizCommands
{
    public static Command Create()
    {
        var pack = new Option<FileInfo>("--pack") { Description = "The persona pack (YAML).", Required = true }.ExistingFiles();
        var verbatims = new Option<FileInfo?>("--verbatims") { Description = "A verbatim CSV (as for 'verbatims import'): lines with a persona become \"who said this?\" questions." }.ExistingFiles();
        var json = new Option<bool>("--json") { Description = "One JSON array (type, prompt, options, answer, explanation) instead of readable text." };
        var generate = new Command("generate", "Print every question the pack can produce, with its right option and explanation, in the pack's language.") { pack, verbatims, json };
        generate.SetAction(parse => Generate(parse.GetValue(pack)!, parse.GetValue(verbatims), parse.GetValue(json)));
        return new Command("quiz", "The persona quiz.") { generate };
    }

    private static int Generate(FileInfo packFile, FileInfo? verbatimFile, bool json)
    {
        Core.Personas.PersonaPack pack;
        IReadOnlyList<Verbatim> said = [];
        try
        {
            pack = PackReader.ReadFile(packFile.FullName).Pack;
            if (verbatimFile is not null)
            {
                using var stream = verbatimFile.OpenRead();
                var read = VerbatimCsvReader.Read(stream, verbatimFile.FullName, null, pack.Language);
                foreach (var error in read.Errors)
                {
                    Console.Error.WriteLine(error.ToString());
                }

                said = read.Verbatims;
            }
        }
        catch (Exception e) when (e is PackFormatException or IOException)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var strings = CardCatalog.Load(new CardOptions().ResolvedPath).Strings;
        var culture = CultureInfo.GetCultureInfo(pack.Language);
        var questions = QuizGenerator.Generate(pack, said);
        if (json)
        {
            var array = new JsonArray([.. questions.Select(q => (JsonNode)new JsonObject
            {
                ["id"] = q.Id,
                ["type"] = JsonNamingPolicy.KebabCaseLower.ConvertName(q.Kind.ToString()),
                ["persona"] = q.PersonaId,
                ["prompt"] = QuizPrompts.Prompt(q, strings, culture),
                ["options"] = new JsonArray([.. q.Options.Select(o => (JsonNode)JsonValue.Create(o))]),
                ["answer"] = q.Options[q.Answer],
                ["answerIndex"] = q.Answer,
                ["explanation"] = new JsonArray([.. QuizPrompts.Explanation(q, strings, culture).Select(e => (JsonNode)JsonValue.Create(e))]),
            })]);
            Console.WriteLine(array.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            return 0;
        }

        foreach (var (q, n) in questions.Select((q, i) => (q, i + 1)))
        {
            Console.WriteLine($"{n}. [{q.Kind}] {QuizPrompts.Prompt(q, strings, culture)}");
            foreach (var (option, i) in q.Options.Select((o, i) => (o, i)))
            {
                Console.WriteLine($"   {(i == q.Answer ? '*' : ' ')} {(char)('A' + i)}. {option}");
            }

            foreach (var line in QuizPrompts.Explanation(q, strings, culture))
            {
                Console.WriteLine($"     {line}");
            }
        }

        Console.Error.WriteLine($"questions={questions.Count} " + string.Join(' ', questions.GroupBy(q => q.Kind).Select(g => $"{JsonNamingPolicy.KebabCaseLower.ConvertName(g.Key.ToString())}={g.Count()}")));
        return 0;
    }
}
