using CultureBot.Core.Bot;
using CultureBot.Core.Localization;
using CultureBot.Data;
using CultureBot.Slack;
using CultureBot.Teams.Configuration;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Web;

/// <summary>Says at start how the host runs; in local mode, a warning nobody can miss.</summary>
internal sealed partial class StartupReport : IHostedService
{
    private readonly TeamsOptions _teams;
    private readonly SlackOptions _slack;
    private readonly StorageOptions _storage;
    private readonly KeyRingProtection _keyRing;
    private readonly BotRouter _router;
    private readonly StringTable _strings;
    private readonly ILogger<StartupReport> _logger;

    /// <remarks>
    /// Taking the router builds it now rather than at the first turn: language files whose command words clash or whose
    /// question patterns do not compile stop the start, like any other setting.
    /// </remarks>
    public StartupReport(
        IOptions<TeamsOptions> teams,
        IOptions<SlackOptions> slack,
        IOptions<StorageOptions> storage,
        KeyRingProtection keyRing,
        BotRouter router,
        StringTable strings,
        ILogger<StartupReport> logger)
    {
        _teams = teams.Value;
        _slack = slack.Value;
        _storage = storage.Value;
        _keyRing = keyRing;
        _router = router;
        _strings = strings;
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

        // Every platform and the store say how they run, not only Teams' local mode: an operator reads one start report.
        var slack = _slack.Describe();
        var storage = _storage.Describe();
        LogSlack(_logger, slack);
        LogStorage(_logger, storage);

        if (_keyRing.Certificate is { } certificate)
        {
            LogKeyRingProtected(_logger, certificate.Thumbprint);
        }
        else
        {
            LogKeyRingUnprotected(_logger);
        }

        var commands = _router.CommandNames.Count();
        var languages = string.Join(", ", _strings.Languages.Order(StringComparer.Ordinal));
        LogCommands(_logger, commands, languages);

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

    [LoggerMessage(Level = LogLevel.Warning, Message = """

        ************************************************************************************
        *  KEY RING UNPROTECTED: DataProtection:CertificatePath is not set, so the keys     *
        *  that encrypt stored tokens sit in clear in the database. Acceptable on this      *
        *  machine in local mode only; set DataProtection:CertificatePath (a .pfx kept      *
        *  outside the database) before connecting Teams or Slack.                          *
        ************************************************************************************
        """)]
    private static partial void LogKeyRingUnprotected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Data Protection key ring encrypted with certificate {Thumbprint}")]
    private static partial void LogKeyRingProtected(ILogger logger, string thumbprint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack: {Slack}")]
    private static partial void LogSlack(ILogger logger, string slack);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Storage}")]
    private static partial void LogStorage(ILogger logger, string storage);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Commands} commands, understood in {Languages}")]
    private static partial void LogCommands(ILogger logger, int commands, string languages);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bot Connector authentication on for app {AppId} ({Tenancy})")]
    private static partial void LogAuthenticated(ILogger logger, string appId, string tenancy);
}
