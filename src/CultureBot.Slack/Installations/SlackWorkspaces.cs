using CultureBot.Core.Conversations;
using CultureBot.Core.Installations;
using CultureBot.Slack.Schema;
using CultureBot.Slack.WebApi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.Installations;

/// <summary>A workspace the bot can act in: its token and its own user id there.</summary>
/// <param name="TeamId">Slack's team id.</param>
/// <param name="BotToken">The bot token (xoxb-…). Never logged.</param>
/// <param name="BotUserId">The bot's user id, when known.</param>
public sealed record SlackWorkspace(string TeamId, string BotToken, string? BotUserId)
{
    public override string ToString() => $"SlackWorkspace {{ TeamId = {TeamId}, BotUserId = {BotUserId} }}";
}

/// <summary>
/// Finds the token for a workspace: an OAuth installation (stored encrypted with ASP.NET Core Data Protection),
/// else the single-workspace <c>Slack:BotToken</c> from configuration, whose workspace and bot user are learnt
/// once from <c>auth.test</c>.
/// </summary>
public sealed partial class SlackWorkspaces(
    IInstallationStore store,
    IDataProtectionProvider protection,
    IOptions<SlackOptions> options,
    SlackWebApiClient api,
    TimeProvider clock,
    ILogger<SlackWorkspaces> logger)
{
    private readonly IDataProtector _protector = protection.CreateProtector("CultureBot.Slack.BotTokens.v1");
    private SlackWorkspace? _configured;

    public async Task<SlackWorkspace?> FindAsync(string teamId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(Platforms.Slack, teamId, cancellationToken) is { } installation)
        {
            try
            {
                return new SlackWorkspace(teamId, _protector.Unprotect(installation.ProtectedToken), installation.BotUserId);
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // The key ring that encrypted it is gone: the workspace must reinstall; say so rather than fail every turn.
                LogUnreadableToken(logger, teamId);
                return null;
            }
        }

        if (await ConfiguredAsync(cancellationToken) is { } configured && (configured.TeamId.Length == 0 || configured.TeamId == teamId))
        {
            return configured with { TeamId = teamId };
        }

        LogUnknownWorkspace(logger, teamId);
        return null;
    }

    /// <summary>Stores (or replaces) a workspace's bot token after the OAuth install.</summary>
    public Task SaveAsync(string teamId, string botToken, string? botUserId, CancellationToken cancellationToken) =>
        store.SaveAsync(new Installation(Platforms.Slack, teamId, botUserId, _protector.Protect(botToken), clock.GetUtcNow()), cancellationToken);

    /// <summary>Forgets a workspace (app_uninstalled, tokens_revoked).</summary>
    public Task<bool> RemoveAsync(string teamId, CancellationToken cancellationToken) =>
        store.DeleteAsync(Platforms.Slack, teamId, cancellationToken);

    private async Task<SlackWorkspace?> ConfiguredAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BotToken is not { Length: > 0 } token)
        {
            return null;
        }

        if (_configured is not null)
        {
            return _configured;
        }

        // Two first turns at once may both ask auth.test: harmless, and simpler than a lock.
        var test = await api.AuthTestAsync(token, cancellationToken);
        if (!test.Ok)
        {
            // Keep going with what we have: messages will fail with Slack's own error, which the logs show.
            LogAuthTestFailed(logger, test.Error);
            return new SlackWorkspace(string.Empty, token, null);
        }

        var whose = test.Read<SlackAuthTestResponse>();
        _configured = new SlackWorkspace(whose?.TeamId ?? string.Empty, token, whose?.UserId);
        return _configured;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The stored token of Slack workspace {TeamId} cannot be decrypted (Data Protection keys lost?): reinstall the app there")]
    private static partial void LogUnreadableToken(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack workspace {TeamId} has no installation and no configured token: its events are ignored")]
    private static partial void LogUnknownWorkspace(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Error, Message = "auth.test with Slack:BotToken failed: {Error}")]
    private static partial void LogAuthTestFailed(ILogger logger, string? error);
}
