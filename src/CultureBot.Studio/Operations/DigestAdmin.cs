using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;
using CultureBot.Core.Localization;
using CultureBot.Studio.Access;

namespace CultureBot.Studio.Operations;

/// <summary>A subscription as the studio lists it: when the next digest goes out, unless paused.</summary>
public sealed record DigestRow(DigestSubscription Subscription, DateTimeOffset? NextAt);

/// <summary>
/// The digest subscriptions of the studio's organization: see them, change their day, time and zone, pause and resume.
/// Every call checks the organization (a conversation of another organization is "not found") and every write the
/// owner's role, and is audited.
/// </summary>
public sealed class DigestAdmin(IDigestStore store, IAuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<DigestRow>> ListAsync(StudioUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        return [.. (await store.ListAsync(user.Organization, cancellationToken))
            .Select(s => new DigestRow(s, s.Paused ? null : s.NextAfter(now)))];
    }

    /// <summary>Changes when a conversation's digest goes out. Its pause and its verbatims already shown stay.</summary>
    public async Task ChangeAsync(StudioUser user, string conversationId, DayOfWeek day, TimeOnly time, string timeZone, CancellationToken cancellationToken)
    {
        var current = await OwnedAsync(user, conversationId, cancellationToken);
        if (!TimeZones.IsKnown(timeZone))
        {
            throw new StudioRefusalException("RefusedTimeZone");
        }

        if (!Enum.IsDefined(day))
        {
            throw new StudioRefusalException("RefusedDay");
        }

        var now = clock.GetUtcNow();
        await store.SubscribeAsync(current with { Day = day, Time = time, TimeZone = timeZone }, now, cancellationToken);
        if (current.Paused)
        {
            await store.SetPausedAsync(current.Conversation, paused: true, now, cancellationToken);
        }

        await audit.RecordAsync(new AuditEntry(user.Organization, now, user.Name, "digest.change", conversationId,
            $"{current.Day} {current.Time:HH\\:mm} {current.TimeZone} → {day} {time:HH\\:mm} {timeZone}"), cancellationToken);
    }

    public async Task SetPausedAsync(StudioUser user, string conversationId, bool paused, CancellationToken cancellationToken)
    {
        var current = await OwnedAsync(user, conversationId, cancellationToken);
        var now = clock.GetUtcNow();
        await store.SetPausedAsync(current.Conversation, paused, now, cancellationToken);
        await audit.RecordAsync(new AuditEntry(user.Organization, now, user.Name, paused ? "digest.pause" : "digest.resume", conversationId,
            paused ? "paused" : "resumed"), cancellationToken);
    }

    /// <summary>The subscription of <paramref name="conversationId"/> in the user's organization, for an owner.</summary>
    private async Task<DigestSubscription> OwnedAsync(StudioUser user, string conversationId, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        var key = new ConversationKey(user.Organization.Platform, user.Organization.TenantId, conversationId);
        return await store.GetAsync(key, cancellationToken) ?? throw new StudioRefusalException(StudioRefusalException.NotFound);
    }
}
