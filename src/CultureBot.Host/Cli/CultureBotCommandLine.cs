using System.CommandLine;
using CultureBot.Host.Web;

namespace CultureBot.Host.Cli;

/// <summary>The command tree. Each command lives in its own file and is added here.</summary>
internal static class CultureBotCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var line = Read(args);
        if (line.Refusals.Count > 0)
        {
            foreach (var refusal in line.Refusals)
            {
                await Console.Error.WriteLineAsync(refusal);
            }

            return UsageErrors.ExitCode;
        }

        HostConfiguration.Settings = line.Settings;
        return await line.Parse!.InvokeAsync();
    }

    /// <summary>
    /// A command line read as <see cref="RunAsync"/> runs it: the parse to invoke and the settings taken out of it, or
    /// the lines that refuse it (an unknown option, an unexpected argument, a missing file...), run nothing.
    /// </summary>
    internal static CommandLine Read(string[] args)
    {
        var root = new RootCommand("CultureBot: customer personas, verbatims and rituals in Microsoft Teams and Slack. With no command, serves the bot. Any setting can follow any command, as --Section:Key=value (--Storage:Provider=Postgres).")
        {
            TeamsCommands.Create(),
            CardsCommands.Create(),
            MatchCommands.Create(),
            FinderCommands.Create(),
            PackCommands.Create(),
            VerbatimCommands.Create(),
            QuizCommands.Create(),
            OnboardingCommands.Create(),
            QueueCommands.Create(),
            KeysCommands.Create(),
            InsightsCommands.Create(),
        };

        // Named for --help; CommandLineSettings takes it out of the line before parsing, with the --Section:Key=value settings.
        root.Options.Add(new Option<string>(CommandLineSettings.DataOption)
        {
            Description = "The data directory (the SQLite database), for the server and every command alike; the setting Storage:DataDirectory. Default: the per-user application data folder (~/.local/share/CultureBot, %LOCALAPPDATA%\\CultureBot).",
            HelpName = "DIR",
            Recursive = true,
        });

        var (settings, rest, problem) = CommandLineSettings.Extract(args, CommandLineSettings.OptionNames(root).ToHashSet(StringComparer.Ordinal));
        if (problem is not null)
        {
            return new CommandLine(null, settings, [problem]);
        }

        // Unknown tokens (--urls, --environment) belong to ASP.NET Core's configuration when serving.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.UnmatchedTokens.Count > 0 && !parseResult.UnmatchedTokens[0].StartsWith('-'))
            {
                await Console.Error.WriteLineAsync($"Unknown command '{parseResult.UnmatchedTokens[0]}'. Run 'culturebot --help'.");
                return UsageErrors.ExitCode;
            }

            await BotHost.Build([.. rest, .. settings]).RunAsync(cancellationToken);
            return 0;
        });

        var parse = root.Parse(rest);
        if (parse.CommandResult.Command != root)
        {
            if (UnknownOption(parse, rest) is { } refused)
            {
                return new CommandLine(null, settings, [refused]);
            }

            if (parse.UnmatchedTokens.Count > 0)
            {
                return new CommandLine(null, settings, [$"unexpected argument '{parse.UnmatchedTokens[0]}': run 'culturebot {CommandPath(parse)} --help'"]);
            }

            // One line each (a missing file, a required option, a value of the wrong type), without the help page.
            if (parse.Errors.Count > 0)
            {
                return new CommandLine(null, settings, [.. parse.Errors.Select(e => e.Message)]);
            }
        }

        return new CommandLine(parse, settings, []);
    }

    /// <param name="Parse">What to invoke; null when the line is refused.</param>
    /// <param name="Settings">The <c>--Section:Key=value</c> settings (and <c>--data</c>) taken out of the line.</param>
    /// <param name="Refusals">Why the line is refused, one line each; empty when it runs.</param>
    internal sealed record CommandLine(ParseResult? Parse, IReadOnlyList<string> Settings, IReadOnlyList<string> Refusals);

    /// <summary>
    /// The first token written as an option that the command does not have (a typo such as <c>--dayz</c>), with the
    /// options it has: otherwise it would be passed over, or taken for a file, and the command would run with its defaults.
    /// </summary>
    private static string? UnknownOption(ParseResult parse, IEnumerable<string> tokens)
    {
        var own = parse.CommandResult.Command.Options.Concat(Ancestors(parse).SelectMany(c => c.Options.Where(o => o.Recursive))).ToList();
        var valid = own.SelectMany(o => o.Aliases.Prepend(o.Name)).ToHashSet(StringComparer.Ordinal);
        var unknown = tokens
            .TakeWhile(t => t != "--")
            .Select(t => t.Split('=', 2)[0])
            .FirstOrDefault(t => t.Length > 1 && t[0] == '-' && !char.IsAsciiDigit(t[1]) && !valid.Contains(t) && !valid.Contains(t.Split(':', 2)[0]));
        if (unknown is null)
        {
            return null;
        }

        return $"unknown option {unknown}: 'culturebot {CommandPath(parse)}' takes {string.Join(", ", own.Where(o => !o.Hidden).Select(o => o.Name))}";
    }

    /// <summary>The commands above the one parsed, nearest first, the root last.</summary>
    private static IEnumerable<Command> Ancestors(ParseResult parse)
    {
        for (var result = parse.CommandResult.Parent as System.CommandLine.Parsing.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            yield return result.Command;
        }
    }

    /// <summary>The parsed command as typed after <c>culturebot</c> (<c>onboarding plan</c>).</summary>
    private static string CommandPath(ParseResult parse) =>
        string.Join(' ', Ancestors(parse).Reverse().Skip(1).Append(parse.CommandResult.Command).Select(c => c.Name));
}
