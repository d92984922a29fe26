using System.Text.Json;
using CultureBot.Teams.Schema;

namespace CultureBot.Teams.Tests.TestData;

/// <summary>Activities captured from Microsoft 365 Agents Playground (copied from ../shared/tools/data/fixtures/teams).</summary>
internal static class Fixtures
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "teams", name + ".json"));

    public static Activity Activity(string name) =>
        JsonSerializer.Deserialize(Text(name), TeamsJsonContext.Default.Activity) ?? throw new InvalidOperationException(name);
}
