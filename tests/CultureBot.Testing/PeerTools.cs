using Xunit;
using System.Diagnostics;
using System.Text;

namespace CultureBot.Testing;

/// <summary>
/// The real peers of <c>../shared/tools</c> (Microsoft's and Slack's own libraries behind small launchers).
/// Found through <c>CULTUREBOT_PEER_TOOLS</c> or beside the repository. On a machine without them the tests
/// that need them are skipped, except in CI (<c>CI=true</c>), where a missing peer is a failure.
/// </summary>
public static class PeerTools
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string? Directory { get; } = FindTools();

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test when the tools are missing outside CI; fails it in CI.</summary>
    public static string Require()
    {
        if (Directory is not null)
        {
            return Directory;
        }

        const string why = "the peer tools (../shared/tools or CULTUREBOT_PEER_TOOLS) are not on this machine";
        if (InCi)
        {
            throw new InvalidOperationException($"CI needs the real peers, but {why}.");
        }

        Skip.If(true, why);
        return string.Empty;
    }

    /// <summary>
    /// Skips the calling test when Chromium (for the Playground's browser mode and card pictures) is missing
    /// outside CI; fails it in CI, where <c>scripts/test-deps.sh</c> installs it.
    /// </summary>
    public static void RequireChromium()
    {
        if (File.Exists("/usr/bin/chromium") || Environment.GetEnvironmentVariable("CHROMIUM") is not null)
        {
            return;
        }

        const string why = "Chromium is not installed (apt-get install chromium, or set CHROMIUM); the same scenario runs in API mode";
        if (InCi)
        {
            throw new InvalidOperationException($"CI needs Chromium, but {why}.");
        }

        Skip.If(true, why);
    }

    /// <summary>Runs one tool (e.g. <c>card-validate</c>) and returns its exit code and output.</summary>
    public static async Task<ToolRun> RunAsync(string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, string? stdin = null)
    {
        var dir = Require();
        var start = new ProcessStartInfo(Path.Combine(dir, tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = RepoRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (stdout) { stdout.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (stderr) { stderr.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish in time.\n{stdout}\n{stderr}");
        }

        process.WaitForExit();
        return new ToolRun(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CultureBot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("CultureBot.sln not found above the test binaries.");
    }

    private static string? FindTools()
    {
        var candidates = new[]
        {
            Environment.GetEnvironmentVariable("CULTUREBOT_PEER_TOOLS"),
            Path.Combine(RepoRoot, "..", "shared", "tools"),
        };
        return candidates
            .Where(c => !string.IsNullOrEmpty(c) && File.Exists(Path.Combine(c!, "card-expand")))
            .Select(c => Path.GetFullPath(c!))
            .FirstOrDefault();
    }
}

/// <summary>What a tool printed and how it exited.</summary>
public sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
