using CultureBot.Teams.Configuration;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>Says at start how the host runs; in local mode, a warning nobody can miss.</summary>
internal sealed partial class StartupReport : IHostedService
{
    private readonly TeamsOptions _teams;
    private readonly ILogger<StartupReport> _logger;

    public StartupReport(IOptions<TeamsOptions> teams, ILogger<StartupReport> logger)
    {
        _teams = teams.Value;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_teams.IsLocalMode)
        {
            LogLocalMode(_logger);
        }
        else
        {
            LogAuthenticated(_logger, _teams.AppId!, string.IsNullOrWhiteSpace(_teams.TenantId) ? "multi-tenant" : "single-tenant");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = """

        ************************************************************************************
        *  LOCAL MODE: Teams:AppId is not set, so /api/messages accepts requests WITHOUT    *
        *  authentication and replies are sent without a token. This is for the Microsoft   *
        *  365 Agents Playground on this machine only. Never expose this host to a network. *
        *  Set Teams:AppId and Teams:AppPassword to authenticate the Bot Connector.         *
        ************************************************************************************
        """)]
    private static partial void LogLocalMode(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector authentication on for app {AppId} ({Tenancy})")]
    private static partial void LogAuthenticated(ILogger logger, string appId, string tenancy);
}
