using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;

namespace CultureBot.Core.Digests;

/// <summary>A conversation that receives the weekly verbatim digest, and when (its own day, time and time zone).</summary>
/// <param name="Conversation">Where to post.</param>
/// <param name="Day">The local day of the week.</param>
/// <param name="Time">The local time of day.</param>
/// <param name="TimeZone">An IANA (or Windows) time zone id.</param>
/// <param name="Language">The language of the digest (the verbatims' and the card's).</param>
public sealed record DigestSubscription(ConversationKey Conversation, DayOfWeek Day, TimeOnly Time, string TimeZone, string Language)
{
    public static readonly DayOfWeek DefaultDay = DayOfWeek.Monday;
    public static readonly TimeOnly DefaultTime = new(9, 0);

    /// <summary>The occurrence the last digest was sent for (UTC); set to the latest past one on subscribing, so that subscribing sends nothing at once.</summary>
    public DateTimeOffset? LastSentFor { get; init; }

    /// <summary>Paused from the studio: kept with its day and time, not sent until resumed.</summary>
    public bool Paused { get; init; }

    /// <summary>The latest send time at or before <paramref name="now"/>.</summary>
    public DateTimeOffset LatestAtOrBefore(DateTimeOffset now)
    {
        var occurrence = NextAfter(now.AddDays(-8));
        while (NextAfter(occurrence) <= now)
        {
            occurrence = NextAfter(occurrence);
        }

        return occurrence;
    }

    /// <summary>True when a digest is owed: not paused, and an occurrence has passed that was not sent for (however many were missed, one is owed).</summary>
    public bool IsDue(DateTimeOffset now) => !Paused && (LastSentFor is not { } last || LatestAtOrBefore(now) > last);

    /// <summary>The next send time strictly after <paramref name="after"/>, in UTC: the local day and time in the subscription's zone.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var zone = TimeZones.Find(TimeZone);
        var local = TimeZoneInfo.ConvertTime(after, zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        for (var i = 0; i <= 7; i++)
        {
            var candidateDate = date.AddDays(i);
            if (candidateDate.DayOfWeek != Day)
            {
                continue;
            }

            var candidate = TimeZones.ToUtc(candidateDate.ToDateTime(Time), zone);
            if (candidate > after)
            {
                return candidate;
            }
        }

        return TimeZones.ToUtc(date.AddDays(7).ToDateTime(Time), zone);
    }
}
