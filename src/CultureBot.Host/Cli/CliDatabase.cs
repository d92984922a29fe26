using System.CommandLine;
using CultureBot.Core.Conversations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Cli;

/// <summary>
/// The configured database, migrated, for a content command, with the server's configuration (appsettings, environment,
/// <c>--Section:Key=value</c>) and the <c>--org</c> option the content commands share.
/// </summary>
internal sealed class CliDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CliDatabase(ServiceProvider services, IConfiguration configuration)
    {
        _services = services;
        Configuration = configuration;
    }

    public IConfiguration Configuration { get; }

    /// <summary><c>Content:Samples</c> (default true): whether the host serves the sample packs.</summary>
    public bool SamplesServed => Configuration.GetValue("Content:Samples", true);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>The database the server uses, migrated, its location said on stderr (<see cref="CommandDatabase"/>).</summary>
    public static async Task<CliDatabase> OpenAsync(CancellationToken cancellationToken) =>
        new(await CommandDatabase.OpenAsync(null, cancellationToken), HostConfiguration.Build());

    /// <summary>An optional <c>--org teams:TENANT|slack:TEAM</c>; <paramref name="without"/> says what its absence means.</summary>
    public static Option<string> OrganizationOption(string without) => new("--org")
    {
        Description = $"The organization ({OrganizationKey.Format}). {without}",
    };

    /// <summary>
    /// Reads <c>--org</c>: (true, the organization) or (true, null) when absent; (false, null) after saying on stderr
    /// what is wrong with it.
    /// </summary>
    public static async Task<(bool Valid, OrganizationKey? Organization)> ReadOrganizationAsync(ParseResult parse, Option<string> option)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.GetValue(option) is not { } given)
        {
            return (true, null);
        }

        if (OrganizationKey.TryParse(given) is { } organization)
        {
            return (true, organization);
        }

        await Console.Error.WriteLineAsync($"--org '{given}' is not an organization: write {OrganizationKey.Format} (the Teams tenant id, or the Slack team id T…).");
        return (false, null);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
