using System.Collections.Concurrent;
using System.Globalization;
using CultureBot.Core.Localization;
using CultureBot.Slack.Installations;
using CultureBot.Slack.Schema;
using CultureBot.Slack.WebApi;

namespace CultureBot.Slack.Adapter;

/// <summary>What the bot needs to know of a user to answer them: their UI language and time zone.</summary>
public sealed record SlackUserProfile(CultureInfo Culture, string? TimeZone);

/// <summary>
/// Slack payloads carry no locale: <c>users.info</c> (with <c>include_locale</c>) tells it, and the time zone.
/// Cached for an hour per user, so a conversation costs one call; on failure the user is answered in English.
/// users.info allows about 100 calls a minute: when a burst of new users (2,000 players joining a quiz) outruns it,
/// a user not known yet who would wait more than two seconds is answered in English at once and their profile is
/// fetched in the background for their next turn, rather than every turn of the burst waiting twenty minutes in line.
/// </summary>
public sealed class SlackUserDirectory(SlackWebApiClient api, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromHours(1);

    /// <summary>How long a turn may wait for users.info's rate limit before answering in English (a couple of users at once wait; a burst does not).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, (SlackUserProfile Profile, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _fetching = new(StringComparer.Ordinal);

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

        var info = await api.UserInfoAsync(workspace.BotToken, workspace.TeamId, userId, cancellationToken, MaxWait);
        if (info.Error == SlackWebApiClient.WouldWait)
        {
            FetchLater(workspace, userId, key);
            return new SlackUserProfile(Locales.English, null);
        }

        return Remember(key, info);
    }

    private SlackUserProfile Remember(string key, SlackApiResult info)
    {
        var user = info.Ok ? info.Read<SlackUserInfoResponse>()?.User : null;
        var profile = new SlackUserProfile(Locales.Resolve(user?.Locale), user?.Tz);
        if (info.Ok)
        {
            _cache[key] = (profile, clock.GetUtcNow() + CacheFor);
        }

        return profile;
    }

    /// <summary>One background fetch per user, waiting its turn in users.info's rate limit.</summary>
    private void FetchLater(SlackWorkspace workspace, string userId, string key)
    {
        if (!_fetching.TryAdd(key, 0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                Remember(key, await api.UserInfoAsync(workspace.BotToken, workspace.TeamId, userId, CancellationToken.None));
            }
#pragma warning disable CA1031 // A failed profile fetch only means English until the next try.
            catch (Exception)
#pragma warning restore CA1031
            {
            }
            finally
            {
                _fetching.TryRemove(key, out _);
            }
        });
    }
}
