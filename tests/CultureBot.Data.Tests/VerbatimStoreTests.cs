using CultureBot.Core.Verbatims;

namespace CultureBot.Data.Tests;

/// <summary>The verbatim store, for real, on both providers.</summary>
public class VerbatimStoreTests
{
    public static TheoryData<StorageProvider> Providers => ConversationStoreTests.Providers;

    private static readonly DateTimeOffset ImportedAt = new(2026, 11, 22, 18, 0, 0, TimeSpan.Zero);

    private static Verbatim Said(string text, DateOnly? date, string language = "fr", string? persona = "camille") => new()
    {
        Text = text,
        PersonaId = persona,
        Kind = VerbatimKind.Irritant,
        Stage = "après-vente",
        Source = VerbatimSource.Call,
        Date = date,
        Channel = "téléphone",
        Language = language,
    };

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Verbatims_round_trip_and_a_second_import_adds_nothing(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        var batch = new[] { Said("Dix jours pour une chambre à air.", new DateOnly(2026, 11, 17)), Said("Sans date.", null), Said("In English.", new DateOnly(2026, 11, 18), "en") };

        var first = await store.AddAsync(batch, ImportedAt, CancellationToken.None);
        var second = await store.AddAsync([Said("dix jours pour une  CHAMBRE à air.", new DateOnly(2026, 11, 17))], ImportedAt, CancellationToken.None);
        var week = await store.ListAsync("fr", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), CancellationToken.None);

        Assert.Equal(3, first);
        Assert.Equal(0, second);
        Assert.Equal(3, await store.CountAsync(CancellationToken.None));
        Assert.Equal(["Dix jours pour une chambre à air.", "Sans date."], week.Select(v => v.Text));
        var stored = week[0];
        Assert.Equal((VerbatimKind.Irritant, VerbatimSource.Call, "après-vente", "téléphone", new DateOnly(2026, 11, 17)), (stored.Kind!.Value, stored.Source!.Value, stored.Stage, stored.Channel, stored.Date!.Value));
        Assert.Null(week[1].Date);
        Assert.True(stored.Id > 0);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task The_date_range_is_inclusive_at_both_ends(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlVerbatimStore(db.Database);
        await store.AddAsync([Said("Before.", new DateOnly(2026, 11, 15)), Said("Monday.", new DateOnly(2026, 11, 16)), Said("Sunday.", new DateOnly(2026, 11, 22)), Said("After.", new DateOnly(2026, 11, 23))], ImportedAt, CancellationToken.None);

        var week = await store.ListAsync("fr", new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 22), CancellationToken.None);

        Assert.Equal(["Monday.", "Sunday."], week.Select(v => v.Text));
    }
}
