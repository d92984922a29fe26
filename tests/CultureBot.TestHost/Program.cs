using CultureBot.Host.Web;

namespace CultureBot.TestHost;

/// <summary>
/// The bot as <c>culturebot</c> serves it (the same composition root and arguments), plus the adjustable clock when
/// <c>Testing:Clock</c> is set: for end-to-end runs only, never shipped.
/// </summary>
public static class Program
{
    public static Task Main(string[] args) => BotHost.Build(args, TestClock.Additions).RunAsync();
}
