using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CultureBot.Host.Tests.EndToEnd;
using CultureBot.Testing;

namespace CultureBot.Host.Tests.Cli;

/// <summary>
/// The shipped executable as a newcomer and a service run it: a pack imported by the command line from one working
/// directory is served by the server started from another, both on one data directory; the server reads the
/// settings file beside the executable, not in its working directory.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DataLocationTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("culturebot-data-").FullName;
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("culturebot-cwd-").FullName;
    private readonly string _environment = "DataLocation" + Guid.NewGuid().ToString("N")[..8];

    private static string Executable => Path.Combine(AppContext.BaseDirectory, "culturebot.dll");

    private string SettingsBesideTheExecutable => Path.Combine(AppContext.BaseDirectory, $"appsettings.{_environment}.json");

    public void Dispose()
    {
        File.Delete(SettingsBesideTheExecutable);
        Directory.Delete(_data, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    [Fact]
    public async Task A_pack_imported_from_one_directory_is_served_by_the_server_started_from_another()
    {
        var pack = Path.Combine(_elsewhere, "data-location.en.yaml");
        await File.WriteAllTextAsync(pack, (await File.ReadAllTextAsync(Path.Combine(PeerTools.RepoRoot, "content", "packs", "velo-vert.en.yaml"))).Replace("pack: velo-vert-en", "pack: data-location-en", StringComparison.Ordinal));
        var database = Path.Combine(_data, "culturebot.db");

        // The command, from the pack's folder.
        var import = await RunAsync(_elsewhere, ["pack", "import", "--data", _data, pack]);
        Assert.True(import.Status == 0, import.ToString());
        Assert.Contains($"database: SQLite, {database}", import.Error, StringComparison.Ordinal);

        // The server, from the root folder, as a service unit starts it: the port comes from the settings file beside the executable.
        var port = FreePort();
        await File.WriteAllTextAsync(SettingsBesideTheExecutable, $$"""{ "Urls": "http://127.0.0.1:{{port}}" }""");
        using var server = Start("/", ["--data", _data], _environment);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitUntilServingAsync(client, server);

            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/packs/data-location-en/map.png", UriKind.Relative))).StatusCode);
        }
        finally
        {
            server.Process.Kill(entireProcessTree: true);
            await server.Process.WaitForExitAsync();
        }

        Assert.Contains(database, server.Output.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_elsewhere, "data")), "nothing is written in the working directory");
    }

    private static async Task WaitUntilServingAsync(HttpClient client, Server server)
    {
        // Waits for the outcome, bounded by attempts rather than a clock: a server that exits fails the test with its output.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(server.Process.HasExited, $"the server stopped:\n{server.Output}");
            try
            {
                if ((await client.GetAsync(new Uri("/healthz", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"the server never answered /healthz:\n{server.Output}");
    }

    private sealed record Server(Process Process, StringBuilder Output) : IDisposable
    {
        public void Dispose() => Process.Dispose();
    }

    private static Server Start(string workingDirectory, string[] arguments, string? environment)
    {
        var start = Info(workingDirectory, arguments);
        if (environment is not null)
        {
            start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        }

        var process = Process.Start(start)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new Server(process, output);
    }

    private sealed record Run(int Status, string Output, string Error)
    {
        public override string ToString() => $"exit {Status}\n{Output}\n{Error}";
    }

    private static async Task<Run> RunAsync(string workingDirectory, string[] arguments)
    {
        using var process = Process.Start(Info(workingDirectory, arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Run(process.ExitCode, await output, await error);
    }

    private static ProcessStartInfo Info(string workingDirectory, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Executable);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test run's own settings are not the executable's.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
