using System.Text.Json.Nodes;
using CultureBot.Slack.Schema;

namespace CultureBot.Slack.WebApi;

/// <summary>The answer of a Web API call: <c>ok</c>, and for <c>ok: false</c> the error code Slack gives.</summary>
/// <param name="Ok">Slack's <c>ok</c>.</param>
/// <param name="Error">Slack's error code (<c>not_in_channel</c>, <c>channel_not_found</c>, <c>invalid_auth</c>…), or <c>ratelimited</c> / <c>http_NNN</c> when the call never succeeded.</param>
/// <param name="Body">The whole JSON answer.</param>
/// <param name="Attempts">HTTP attempts made.</param>
public sealed record SlackApiResult(bool Ok, string? Error, JsonObject? Body, int Attempts)
{
    /// <summary>The bot is not where it tries to write, or the channel or user is gone: retrying will not help.</summary>
    public bool IsUnreachable => Error is "not_in_channel" or "channel_not_found" or "is_archived" or "user_not_found" or "cannot_dm_bot" or "account_inactive";

    /// <summary>The answer read as the method's response record; null when there is no JSON answer.</summary>
    public T? Read<T>()
        where T : SlackApiResponse =>
        Body is null ? null : SlackJson.Read<T>(Body);

    /// <summary>The token is wrong or revoked: the workspace must reinstall the app.</summary>
    public bool IsAuthError => Error is "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "missing_scope";
}
