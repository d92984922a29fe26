using System.Text;
using System.Text.RegularExpressions;
using CultureBot.Host.Cli;
using CultureBot.Testing;

namespace CultureBot.Host.Tests.Cli;

/// <summary>
/// Every <c>culturebot …</c> line of the README's shell examples is a command line the executable takes: its commands
/// exist and its options are theirs. The README is read as a newcomer copies it, so a renamed command or option fails
/// here rather than on their first try. (Files the examples name may not exist here: a missing file is accepted.)
/// </summary>
public sealed partial class ReadmeCommandsTests
{
    [Fact]
    public void Every_culturebot_line_of_the_readme_is_a_command_line_it_takes()
    {
        var lines = ReadmeCommandLines().ToList();

        var refused = lines
            .Select(line => (Line: line, Refusals: CultureBotCommandLine.Read(Tokens(line)).Refusals.Where(r => !r.EndsWith(": no such file", StringComparison.Ordinal)).ToList()))
            .Where(r => r.Refusals.Count > 0)
            .Select(r => $"{r.Line}\n    {string.Join("\n    ", r.Refusals)}")
            .ToList();

        Assert.True(lines.Count >= 25, $"only {lines.Count} culturebot lines found in the README's shell blocks");
        Assert.True(refused.Count == 0, "README lines the command line refuses:\n" + string.Join('\n', refused));
    }

    [Theory]
    [InlineData("culturebot onboarding plan --pack p.yaml --start 2026-03-27 --tz Europe/Paris --dayz 3")]
    [InlineData("culturebot pack lst")]
    public void A_wrong_line_is_caught(string line) =>
        Assert.Contains(CultureBotCommandLine.Read(Tokens(Clean(line)!)).Refusals, r => !r.EndsWith(": no such file", StringComparison.Ordinal));

    /// <summary>The <c>culturebot</c> lines of the README's <c>bash</c> blocks, continuations joined, comments and <c>[optional parts]</c> removed.</summary>
    private static IEnumerable<string> ReadmeCommandLines()
    {
        var inShell = false;
        var pending = new StringBuilder();
        foreach (var raw in File.ReadLines(Path.Combine(PeerTools.RepoRoot, "README.md")))
        {
            var line = raw.Trim();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line == "```bash";
                continue;
            }

            if (!inShell)
            {
                continue;
            }

            pending.Append(line.TrimEnd('\\')).Append(' ');
            if (line.EndsWith('\\'))
            {
                continue;
            }

            if (Clean(pending.ToString()) is { } command)
            {
                yield return command;
            }

            pending.Clear();
        }
    }

    private static string? Clean(string line)
    {
        var command = Comment().Replace(line, string.Empty).Trim();
        if (!command.StartsWith("culturebot ", StringComparison.Ordinal))
        {
            return null;
        }

        return Optional().Replace(Placeholder().Replace(command, "X"), string.Empty);
    }

    /// <summary>The arguments after <c>culturebot</c>, split as a shell would (quotes kept together, then removed).</summary>
    private static string[] Tokens(string command) =>
        [.. Word().Matches(command).Select(m => m.Value.Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal)).Skip(1)];

    [GeneratedRegex(@"\s#\s.*$")]
    private static partial Regex Comment();

    [GeneratedRegex(@"\s*\[[^\]]*\]")]
    private static partial Regex Optional();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""(?:"[^"]*"|'[^']*'|[^\s"'])+""")]
    private static partial Regex Word();
}
