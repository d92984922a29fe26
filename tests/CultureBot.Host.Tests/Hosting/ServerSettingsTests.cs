using CultureBot.Data;
using CultureBot.Host.Cli;
using CultureBot.Host.Web;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Tests.Hosting;

/// <summary>The server reads its settings beside the executable, logs no line per request outside Development, and finds the data where the commands do.</summary>
[Collection(Cli.ConsoleCollection.Name)]
public sealed class ServerSettingsTests
{
    private const string RequestLog = "Microsoft.AspNetCore.Hosting.Diagnostics";

    [Fact]
    public void The_content_root_is_the_executables_folder_unless_one_is_chosen()
    {
        Assert.Equal(AppContext.BaseDirectory, ServerSettings.Options(["--urls=http://127.0.0.1:0"]).ContentRootPath);
        Assert.Null(ServerSettings.Options(["--contentRoot=/srv/culturebot"]).ContentRootPath);

        using var app = BotHost.Build(["--urls=http://127.0.0.1:0"]);
        Assert.Equal(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar), app.Environment.ContentRootPath.TrimEnd(Path.DirectorySeparatorChar));
        Assert.Equal("*", app.Configuration["AllowedHosts"]); // only appsettings.json says it
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Staging", null, false)]
    [InlineData("Production", "--Logging:LogLevel:Microsoft.AspNetCore=Information", true)]
    [InlineData("Development", null, true)]
    public void Per_request_lines_are_logged_in_development_or_when_asked(string environment, string? setting, bool logged)
    {
        string[] args = ["--urls=http://127.0.0.1:0", $"--environment={environment}", .. setting is null ? Array.Empty<string>() : [setting]];

        using var app = BotHost.Build(args);

        Assert.Equal(logged, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog).IsEnabled(LogLevel.Information));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("--Logging:LogLevel:Microsoft.AspNetCore=Information", true)]
    public void Without_a_settings_file_per_request_lines_are_still_off_unless_asked(string? setting, bool logged)
    {
        var empty = Directory.CreateTempSubdirectory("culturebot-no-settings-").FullName;
        try
        {
            string[] args = ["--urls=http://127.0.0.1:0", $"--contentRoot={empty}", "--environment=Production", .. setting is null ? Array.Empty<string>() : [setting]];

            using var app = BotHost.Build(args);

            Assert.Null(app.Configuration["AllowedHosts"]); // no appsettings.json read
            Assert.Equal(logged, app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestLog).IsEnabled(LogLevel.Information));
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Without_settings_the_server_and_the_commands_use_the_same_database_in_the_per_user_folder()
    {
        using var app = BotHost.Build(["--urls=http://127.0.0.1:0"]);
        var server = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.SqliteFile;
        HostConfiguration.Settings = [];
        var command = HostConfiguration.Build().GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        Assert.Equal(Path.Combine(StorageOptions.DefaultDataDirectory, "culturebot.db"), server);
        Assert.Equal(server, command.SqliteFile);
    }
}
