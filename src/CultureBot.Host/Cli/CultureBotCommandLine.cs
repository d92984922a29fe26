using System.CommandLine;
using CultureBot.Host.Web;

namespace CultureBot.Host.Cli;

/// <summary>The command tree. Each command lives in its own file and is added here.</summary>
internal static class CultureBotCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("CultureBot: customer personas, verbatims and rituals in Microsoft Teams and Slack. With no command, serves the bot.")
        {
            TeamsCommands.Create(),
            CardsCommands.Create(),
            MatchCommands.Create(),
            PackCommands.Create(),
            VerbatimCommands.Create(),
            QuizCommands.Create(),
            OnboardingCommands.Create(),
            QueueCommands.Create(),
            KeysCommands.Create(),
        };

        // Unknown tokens (--urls, --Teams:AppId=...) belong to ASP.NET Core's configuration when serving.
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.UnmatchedTokens.Count > 0 && !parseResult.UnmatchedTokens[0].StartsWith('-'))
            {
                await Console.Error.WriteLineAsync($"Unknown command '{parseResult.UnmatchedTokens[0]}'. Run 'culturebot --help'.");
                return 2;
            }

            await BotHost.Build(args).RunAsync(cancellationToken);
            return 0;
        });

        return await root.Parse(args).InvokeAsync();
    }
}
