using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;

namespace CultureBot.Core.Insights;

/// <summary>
/// Where the features note what people do (<see cref="EngagementEvent"/>). Recording never fails a turn: the person's
/// answer matters more than the statistic, so a failure is logged and forgotten.
/// </summary>
public interface IEngagementLog
{
    /// <summary>Notes that the person of <paramref name="turn"/> did <paramref name="kind"/>; never throws.</summary>
    Task RecordAsync(Turn turn, string kind, string? personaId = null, double? value = null, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>Notes something the bot did for a person outside a turn (an onboarding card delivered); never throws.</summary>
    Task RecordAsync(ConversationKey conversation, string? userId, string kind, string? personaId = null, double? value = null, string? detail = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The person of <paramref name="turn"/> read their chat (a read receipt): each
    /// digest delivered there and not read yet is now read (<see cref="EngagementKinds.DigestRead"/>), else it is a read of
    /// the conversation (<see cref="EngagementKinds.MessageRead"/>). Never throws.
    /// </summary>
    Task RecordReadAsync(Turn turn, CancellationToken cancellationToken = default);
}

/// <summary>The stored engagement events and the per-deployment key of their pseudonyms.</summary>
public interface IEngagementStore
{
    Task AddAsync(EngagementEvent engagement, CancellationToken cancellationToken);

    /// <summary>The deployment's pseudonym key: created at random the first time, the same ever after.</summary>
    Task<byte[]> PseudonymKeyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The message ids of the digests delivered to <paramref name="conversation"/> since <paramref name="since"/> that no
    /// read receipt has covered yet (<see cref="EngagementKinds.DigestDelivered"/> without its <see cref="EngagementKinds.DigestRead"/>).
    /// </summary>
    Task<IReadOnlyList<string>> UnreadDigestsAsync(ConversationKey conversation, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes the events that occurred before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>What happened in the query's period, organization and conversation: the one report the studio, its CSV and the command line show.</summary>
    Task<EngagementReport> ReportAsync(EngagementQuery query, CancellationToken cancellationToken);

    /// <summary>The conversations of <paramref name="organization"/> with the most events in the period, most first (the studio's filter).</summary>
    Task<IReadOnlyList<ConversationActivity>> ConversationsAsync(OrganizationKey organization, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);
}

public static class EngagementStoreExtensions
{
    /// <summary>What happened in [<paramref name="from"/>, <paramref name="to"/>), in one organization or in all, every conversation.</summary>
    public static Task<EngagementReport> ReportAsync(this IEngagementStore store, OrganizationKey? organization, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ReportAsync(new EngagementQuery(organization, from, to), cancellationToken);
    }
}
