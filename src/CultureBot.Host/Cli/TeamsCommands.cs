using System.CommandLine;
using CultureBot.Teams.Packaging;
using Microsoft.Extensions.Configuration;

namespace CultureBot.Host.Cli;

/// <summary><c>culturebot teams package</c>: writes the installable Teams app zip from configuration.</summary>
internal static class TeamsCommands
{
    public static Command Create()
    {
        var output = new Option<FileInfo>("--out", "-o")
        {
            Description = "Where to write the zip.",
            DefaultValueFactory = _ => new FileInfo("culturebot-teams.zip"),
        };
        var appId = new Option<string?>("--app-id") { Description = "The bot's app (client) id. Default: Teams:AppId." };
        var name = new Option<string?>("--name") { Description = "The app's short name in Teams. Default: Teams:AppName, else CultureBot." };
        var domain = new Option<string?>("--domain") { Description = "The host name the bot is served from. Default: Teams:Domain." };
        var manifests = new Option<DirectoryInfo?>("--manifest-dir") { Description = "The manifest folder. Default: manifests/teams beside the executable." };

        var package = new Command("package", "Write the installable Teams app package (manifest, French localization, icons) as a zip.")
        {
            output, appId, name, domain, manifests,
        };
        package.SetAction(async (parseResult, cancellationToken) =>
        {
            var configuration = HostConfiguration.Build();
            var request = new TeamsPackageRequest(
                ManifestDirectory: parseResult.GetValue(manifests)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "manifests", "teams"),
                AppId: parseResult.GetValue(appId) ?? configuration["Teams:AppId"],
                BotId: null,
                ShortName: parseResult.GetValue(name) ?? configuration["Teams:AppName"],
                Domain: parseResult.GetValue(domain) ?? configuration["Teams:Domain"],
                PrivacyUrl: configuration["Legal:PrivacyUrl"],
                TermsUrl: configuration["Legal:TermsUrl"]);
            var path = parseResult.GetValue(output)!.FullName;
            try
            {
                await TeamsAppPackager.WriteAsync(request, path, cancellationToken);
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }

            Console.WriteLine($"Wrote {path}. Upload it in Teams: Apps > Manage your apps > Upload an app.");
            return 0;
        });

        return new Command("teams", "Microsoft Teams: the app package.") { package };
    }
}
