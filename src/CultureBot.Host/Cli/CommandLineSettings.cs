using System.CommandLine;
using CultureBot.Data;

namespace CultureBot.Host.Cli;

/// <summary>
/// Settings written on any command line, as the server takes them: <c>--Section:Key=value</c> or <c>--Section:Key value</c>,
/// and <c>--data DIR</c> for <c>Storage:DataDirectory</c>. They are taken out before the command is parsed, so that no
/// command reads one as a file or refuses it as an unknown option.
/// </summary>
internal static class CommandLineSettings
{
    public const string DataOption = "--data";

    public static readonly string DataKey = $"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}";

    /// <param name="optionNames">Every option of the command tree: <c>--tz:Europe/Paris</c> is an option written with a colon, not a setting.</param>
    /// <returns>The settings as <c>--Key=value</c>, the other tokens in their order, and the first problem met (a setting without its value).</returns>
    public static (List<string> Settings, List<string> Others, string? Problem) Extract(IReadOnlyList<string> args, IReadOnlySet<string> optionNames)
    {
        var settings = new List<string>();
        var rest = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                rest.AddRange(args.Skip(i));
                break;
            }

            var name = token.Split('=', 2)[0];
            var key = name == DataOption ? DataKey : IsSetting(name, optionNames) ? name[2..] : null;
            if (key is null)
            {
                rest.Add(token);
                continue;
            }

            if (token.Contains('=', StringComparison.Ordinal))
            {
                settings.Add($"--{key}={token.Split('=', 2)[1]}");
            }
            else if (i + 1 < args.Count)
            {
                settings.Add($"--{key}={args[++i]}");
            }
            else
            {
                return (settings, rest, $"{name} needs a value: write {name}=VALUE");
            }
        }

        return (settings, rest, null);
    }

    private static bool IsSetting(string name, IReadOnlySet<string> optionNames) =>
        name.StartsWith("--", StringComparison.Ordinal) && name.IndexOf(':', StringComparison.Ordinal) is > 2 and var colon && !optionNames.Contains(name[..colon]);

    /// <summary>Every option name and alias of <paramref name="command"/> and the commands under it.</summary>
    public static IEnumerable<string> OptionNames(Command command) =>
        command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Concat(command.Subcommands.SelectMany(OptionNames));
}
