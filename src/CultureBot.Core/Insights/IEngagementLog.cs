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
}

/// <summary>The stored engagement events and the per-deployment key of their pseudonyms.</summary>
public interface IEngagementStore
{
    Task AddAsync(EngagementEvent engagement, CancellationToken cancellationToken);

    /// <summary>The deployment's pseudonym key: created at random the first time, the same ever after.</summary>
    Task<byte[]> PseudonymKeyAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the events that occurred before <paramref name="before"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>What happened in [<paramref name="from"/>, <paramref name="to"/>), in one organization or in all.</summary>
    Task<EngagementReport> ReportAsync(OrganizationKey? organization, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
