using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;

namespace CultureBot.Data.Tests;

/// <summary>The studio's audit trail, for real, on both providers: newest first, one organization's only.</summary>
public class AuditLogTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly OrganizationKey A = new("msteams", "tenant-a");
    private static readonly OrganizationKey B = new("slack", "T0B");

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task An_organization_reads_its_own_entries_newest_first_and_never_anothers(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var log = new SqlAuditLog(db.Database);

        await log.RecordAsync(new AuditEntry(A, T0, "Alex", "persona.edit", "palmes/camille", "irritants"), CancellationToken.None);
        await log.RecordAsync(new AuditEntry(B, T0.AddMinutes(1), "Bea", "verbatim.retire", "42", "retired"), CancellationToken.None);
        await log.RecordAsync(new AuditEntry(A, T0.AddMinutes(2), "Sam", "quiz.hide", "q-7", "hidden"), CancellationToken.None);

        var ofA = await log.ListAsync(A, 10, CancellationToken.None);
        var ofB = await log.ListAsync(B, 10, CancellationToken.None);

        Assert.Equal(["quiz.hide", "persona.edit"], ofA.Select(e => e.Action));
        Assert.Equal(T0.AddMinutes(2), ofA[0].At);
        Assert.Equal("Sam", ofA[0].Actor);
        Assert.Equal(["verbatim.retire"], ofB.Select(e => e.Action));
        Assert.Single(await log.ListAsync(A, 1, CancellationToken.None));
    }
}
