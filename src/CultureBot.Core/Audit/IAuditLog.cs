using CultureBot.Core.Conversations;

namespace CultureBot.Core.Audit;

/// <summary>
/// One change made through the studio: who (as the studio shows them), when, in which organization, what kind of
/// change to what, and a short human summary ("irritants of camille: 3 → 4 lines"). Never the content itself.
/// </summary>
/// <param name="Action">What was done, e.g. <c>persona.edit</c>, <c>verbatim.retire</c>, <c>quiz.hide</c>.</param>
/// <param name="Target">What it was done to, e.g. the pack and persona id, or a verbatim id.</param>
public sealed record AuditEntry(OrganizationKey Organization, DateTimeOffset At, string Actor, string Action, string Target, string Summary);

/// <summary>The studio's audit trail, per organization: every write records one entry; an organization reads only its own.</summary>
public interface IAuditLog
{
    Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> entries of <paramref name="organization"/>, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(OrganizationKey organization, int limit, CancellationToken cancellationToken);
}
