namespace CultureBot.Data.Tests;

public class NonceLedgerTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task A_nonce_is_used_once_and_forgotten_after_it_expires(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var ledger = new SqlNonceLedger(db.Database);
        var now = new DateTimeOffset(2026, 12, 2, 18, 0, 0, TimeSpan.Zero);

        var first = await ledger.TryUseAsync("nonce-1", now.AddMinutes(10), now, CancellationToken.None);
        var replay = await ledger.TryUseAsync("nonce-1", now.AddMinutes(10), now.AddMinutes(5), CancellationToken.None);
        var other = await ledger.TryUseAsync("nonce-2", now.AddMinutes(10), now, CancellationToken.None);
        var afterExpiry = await ledger.TryUseAsync("nonce-1", now.AddMinutes(30), now.AddMinutes(11), CancellationToken.None);

        Assert.Equal((true, false, true), (first, replay, other));
        Assert.True(afterExpiry, "an expired nonce's row is deleted; the sealed state it belonged to is refused by its own lifetime");
    }
}
