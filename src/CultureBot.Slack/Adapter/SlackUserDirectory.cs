using System.Collections.Concurrent;
using System.Globalization;
using CultureBot.Core.Localization;
using CultureBot.Slack.Installations;
using CultureBot.Slack.WebApi;

namespace CultureBot.Slack.Adapter;

/// <summary>What the bot needs to know of a user to answer them: their UI language and time zone.</summary>
public sealed record SlackUserProfile(CultureInfo Culture, string? TimeZone);

/// <summary>
/// Slack payloads carry no locale: <c>users.info</c> (with <c>include_locale</c>) tells it, and the time zone.
/// Cached for an hour per user, so a conversation costs one call; on failure the user is answered in English.
/// </summary>
public sealed class SlackUserDirectory(SlackWebApiClient api, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<string, (SlackUserProfile Profile, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    public async Task<SlackUserProfile> GetAsync(SlackWorkspace workspace, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (userId is null)
        {
            return new SlackUserProfile(Locales.English, null);
        }

        var key = workspace.TeamId + "|" + userId;
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Profile;
        }

        var info = await api.UserInfoAsync(workspace.BotToken, workspace.TeamId, userId, cancellationToken);
        var user = info.Ok ? info.Body?["user"] : null;
        var profile = new SlackUserProfile(
            Locales.Resolve(user?["locale"]?.GetValue<string>()),
            user?["tz"]?.GetValue<string>());
        if (info.Ok)
        {
            _cache[key] = (profile, now + CacheFor);
        }

        return profile;
    }
}
