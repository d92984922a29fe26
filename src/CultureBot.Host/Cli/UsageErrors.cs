using System.CommandLine;
using System.CommandLine.Parsing;

namespace CultureBot.Host.Cli;

/// <summary>
/// What a command says when it is given something it cannot use: one line (<c>file: what is wrong</c>, or
/// <c>file:line: what is wrong</c> inside a file) on stderr and exit code 2, never a stack trace.
/// </summary>
internal static class UsageErrors
{
    /// <summary>The exit code of a command refused for what it was given (an unknown option, a missing file, a malformed pack).</summary>
    public const int ExitCode = 2;

    public static int Fail(string line)
    {
        Console.Error.WriteLine(line);
        return ExitCode;
    }

    /// <summary>The option's files must exist and be files: checked when the command line is parsed, before anything runs.</summary>
    public static Option<T> ExistingFiles<T>(this Option<T> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(CheckFiles);
        return option;
    }

    /// <inheritdoc cref="ExistingFiles{T}(Option{T})"/>
    public static Argument<T> ExistingFiles<T>(this Argument<T> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(CheckFiles);
        return argument;
    }

    private static void CheckFiles(SymbolResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (string.IsNullOrWhiteSpace(token.Value))
            {
                result.AddError("a file name is empty");
                continue;
            }

            var path = Path.GetFullPath(token.Value);
            if (Directory.Exists(path))
            {
                result.AddError($"{path}: is a directory, not a file");
            }
            else if (!File.Exists(path))
            {
                result.AddError($"{path}: no such file");
            }
        }
    }
}
