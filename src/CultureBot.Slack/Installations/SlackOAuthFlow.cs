using System.Security.Cryptography;
using System.Text;
using CultureBot.Core.Conversations;
using CultureBot.Core.Installations;
using CultureBot.Slack.Schema;
using CultureBot.Slack.WebApi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Slack.Installations;

/// <summary>The outcome of an OAuth callback.</summary>
/// <param name="TeamId">The workspace installed, when it worked.</param>
/// <param name="TeamName">Its name, for the page shown to the installer.</param>
/// <param name="Error">Why it did not work: <c>invalid_state</c>, <c>access_denied</c>, or Slack's error code.</param>
public sealed record SlackInstallResult(string? TeamId, string? TeamName, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Slack's OAuth v2 install. The <c>state</c> is a random nonce, sent twice: Data Protection-sealed (with a
/// 10-minute lifetime) in the URL, and in clear in an HttpOnly cookie of the installer's browser; the callback
/// accepts only a sealed, fresh state whose nonce matches the cookie and was never used before (the nonce ledger
/// is shared by every host), so a forged or replayed link installs nothing.
/// </summary>
public sealed partial class SlackOAuthFlow(
    SlackWebApiClient api,
    SlackWorkspaces workspaces,
    OrganizationAccess organizations,
    INonceLedger nonces,
    IDataProtectionProvider protection,
    IOptions<SlackOptions> options,
    TimeProvider clock,
    ILogger<SlackOAuthFlow> logger)
{
    public const string CookieName = "culturebot_slack_oauth";

    /// <summary>The error of an install from a workspace this deployment does not allow (<c>Access:SlackWorkspaces</c>).</summary>
    public const string NotAllowed = "workspace_not_allowed";
    public static readonly TimeSpan StateLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Slack's authorize page (a web page, not the Web API: it does not follow <c>Slack:ApiBaseUrl</c>).</summary>
    public const string AuthorizeUrl = "https://slack.com/oauth/v2/authorize";

    private readonly ITimeLimitedDataProtector _state = protection.CreateProtector("CultureBot.Slack.OAuthState.v1").ToTimeLimitedDataProtector();

    /// <summary>Where to send the installer, and the nonce to put in their cookie.</summary>
    public (string Url, string Nonce) Begin(string redirectUri)
    {
        var nonce = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(24));
        var state = _state.Protect(nonce, clock.GetUtcNow() + StateLifetime);
        var url = QueryHelpers.AddQueryString(AuthorizeUrl, new Dictionary<string, string?>
        {
            ["client_id"] = options.Value.ClientId,
            ["scope"] = string.Join(',', SlackScopes.Bot),
            ["state"] = state,
            ["redirect_uri"] = redirectUri,
        });
        return (url, nonce);
    }

    /// <summary>Checks the state against the cookie, exchanges the code, stores the workspace's token encrypted.</summary>
    public async Task<SlackInstallResult> CompleteAsync(string? code, string? state, string? error, string? cookieNonce, string redirectUri, CancellationToken cancellationToken)
    {
        if (ValidState(state, cookieNonce) is not var (nonce, expiresAt)
            || !await nonces.TryUseAsync(nonce, expiresAt, clock.GetUtcNow(), cancellationToken))
        {
            LogInvalidState(logger);
            return new SlackInstallResult(null, null, "invalid_state");
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            return new SlackInstallResult(null, null, string.IsNullOrEmpty(error) ? "missing_code" : error);
        }

        var access = await api.OAuthAccessAsync(options.Value.ClientId!, options.Value.ClientSecret!, code, redirectUri, cancellationToken);
        var body = access.Read<SlackOAuthAccessResponse>();
        var teamId = body?.Team?.Id;
        var token = body?.AccessToken;
        if (!access.Ok || teamId is null || token is null)
        {
            LogExchangeFailed(logger, access.Error);
            return new SlackInstallResult(null, null, access.Error ?? "no_token");
        }

        var teamName = body?.Team?.Name;
        if (!organizations.Admit(Platforms.Slack, teamId, "a Slack install"))
        {
            // Not stored, and given back: the workspace keeps no working token of this deployment.
            var revoked = await api.CallAsync("auth.revoke", token, teamId, [], cancellationToken);
            if (!revoked.Ok)
            {
                LogRevokeFailed(logger, teamId, revoked.Error);
            }

            return new SlackInstallResult(teamId, teamName, NotAllowed);
        }

        await workspaces.SaveAsync(teamId, token, body?.BotUserId, cancellationToken);
        LogInstalled(logger, teamId);
        return new SlackInstallResult(teamId, teamName, null);
    }

    /// <summary>The state's nonce and expiry when it is sealed by this host, fresh, and this browser's; else null.</summary>
    private (string Nonce, DateTimeOffset ExpiresAt)? ValidState(string? state, string? cookieNonce)
    {
        if (string.IsNullOrEmpty(state) || string.IsNullOrEmpty(cookieNonce))
        {
            return null;
        }

        try
        {
            var nonce = _state.Unprotect(state, out var expiration);
            return expiration > clock.GetUtcNow() && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(cookieNonce))
                ? (nonce, expiration)
                : null;
        }
        catch (CryptographicException)
        {
            // Tampered, from another key ring, or expired (Data Protection checks the lifetime itself).
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack OAuth callback refused: the state is forged, expired, already used or not this browser's")]
    private static partial void LogInvalidState(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack OAuth code exchange failed: {Error}")]
    private static partial void LogExchangeFailed(ILogger logger, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token of refused Slack workspace {TeamId} could not be revoked: {Error}")]
    private static partial void LogRevokeFailed(ILogger logger, string teamId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "CultureBot installed in Slack workspace {TeamId}")]
    private static partial void LogInstalled(ILogger logger, string teamId);
}
