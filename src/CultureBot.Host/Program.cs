using CultureBot.Host.Cli;

namespace CultureBot.Host;

/// <summary>
/// <c>culturebot</c>: with no command it serves the bot (ASP.NET Core arguments such as <c>--urls</c> pass through);
/// with a command (<c>culturebot teams package</c>, ...) it runs it and exits.
/// </summary>
public partial class Program
{
    public static Task<int> Main(string[] args) => CultureBotCommandLine.RunAsync(args);
}
