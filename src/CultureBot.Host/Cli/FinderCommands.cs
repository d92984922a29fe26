using System.CommandLine;
using System.Globalization;
using CultureBot.Content;
using CultureBot.Core.Personas.Finder;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot finder eval</c>: how often the guided finder ends on the right persona when people guess.</summary>
internal static class FinderCommands
{
    public static Command Create()
    {
        var pack = new Option<FileInfo>("--pack") { Description = "The persona pack (YAML).", Required = true }.ExistingFiles();
        var noise = new Option<double>("--noise") { Description = "Share of answers that are not the sheet's (people guess).", DefaultValueFactory = _ => 0.2 };
        var runs = new Option<int>("--runs") { Description = "Simulated customers per persona.", DefaultValueFactory = _ => 400 };
        var rejections = new Option<int>("--rejections") { Description = "How many times a customer may say \"not this one\".", DefaultValueFactory = _ => 1 };
        var eval = new Command("eval", "Simulate customers who answer as their persona's sheet, with some answers guessed; ends with right_first=… right=… questions=…")
        {
            pack, noise, runs, rejections,
        };
        eval.SetAction(parse =>
        {
            var file = parse.GetValue(pack)!;
            try
            {
                var read = PackReader.ReadFile(file.FullName).Pack;
                var outcome = FinderSimulation.Run(read, Math.Clamp(parse.GetValue(noise), 0, 1), Math.Max(1, parse.GetValue(runs)), Math.Max(0, parse.GetValue(rejections)), seed: 17);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"pack={read.Slug} personas={read.Personas.Count} questions_in_pack={read.Questions.Count} noise={parse.GetValue(noise):0.00} runs={outcome.Runs} right_first={outcome.RightFirst:F3} right={outcome.Right:F3} questions={outcome.Questions:F2} rejections={outcome.Rejections:F2}"));
                return 0;
            }
            catch (Exception e) when (e is PackFormatException or IOException)
            {
                Console.Error.WriteLine(e.Message);
                return 2;
            }
        });
        return new Command("finder", "The guided finder.") { eval };
    }
}
