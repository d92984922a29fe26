using System.Globalization;
using System.Text.Json.Nodes;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using CultureBot.Core.Personas;
using CultureBot.Core.Verbatims;

namespace CultureBot.Core.Digests;

/// <summary>A digest ready to post, and what it showed (to record once it is posted).</summary>
public sealed record Digest(BotMessage Message, DigestContent Content);

/// <summary>Builds the weekly digest card of a conversation from the store: this week's verbatims, older ones to fill a quiet week.</summary>
public sealed class DigestBuilder(IVerbatimStore verbatims, IDigestStore digests, PersonaDirectory personas)
{
    public const string Card = "digest";

    /// <summary>How far back a quiet week reaches for verbatims not yet shown.</summary>
    public const int LookBackDays = 90;

    /// <summary>The bars of the counts chart are at most this long.</summary>
    private const int MaxBar = 12;

    /// <summary>The digest for <paramref name="conversation"/> in <paramref name="language"/> as of <paramref name="now"/>; null when there is no verbatim at all.</summary>
    public async Task<Digest?> BuildAsync(ConversationKey conversation, string language, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var week = await verbatims.ListAsync(conversation.Organization, language, today.AddDays(-6), today, cancellationToken);
        var older = await verbatims.ListAsync(conversation.Organization, language, today.AddDays(-LookBackDays), today.AddDays(-7), cancellationToken);
        if (week.Count == 0 && older.Count == 0)
        {
            return null;
        }

        var culture = Locales.Resolve(language);
        var pack = personas.PackFor(conversation, culture);
        var shown = await digests.ShownAsync(conversation, cancellationToken);
        var content = DigestComposer.Compose(week, older, shown, pack is null ? null : PersonaOfTheWeek.Of(pack, now)?.Id);
        return new Digest(new BotMessage(null, new CardContent(Card, CardData(content, pack, today, culture))), content);
    }

    private static JsonObject CardData(DigestContent content, PersonaPack? pack, DateOnly today, CultureInfo culture)
    {
        string? PersonaName(string? id) => id is null ? null : pack?.Personas.FirstOrDefault(p => p.Id == id)?.Name ?? id;

        JsonObject Item(Verbatim v)
        {
            var item = new JsonObject { ["text"] = PersonaCards.Cut(v.Text, 600), ["kind"] = v.Kind?.ToString().ToLowerInvariant() ?? string.Empty };
            PersonaCards.AddIfPresent(item, "persona", PersonaName(v.PersonaId));
            PersonaCards.AddIfPresent(item, "stage", v.Stage);
            PersonaCards.AddIfPresent(item, "date", v.Date?.ToString("d MMM", culture));
            return item;
        }

        var max = Math.Max(1, content.Counts.Values.DefaultIfEmpty(0).Max());
        var counts = new JsonArray();
        foreach (var (kind, count) in content.Counts)
        {
            counts.Add(new JsonObject
            {
                ["kind"] = kind.ToString().ToLowerInvariant(),
                ["count"] = count,
                ["bar"] = new string('█', count == 0 ? 0 : Math.Max(1, count * MaxBar / max)) + (count == 0 ? "·" : string.Empty),
            });
        }

        var data = new JsonObject
        {
            ["from"] = today.AddDays(-6).ToString("d MMM", culture),
            ["to"] = today.ToString("d MMM", culture),
            ["items"] = new JsonArray([.. content.Picks.Skip(content.OfTheWeek is null ? 0 : 1).Select(Item)]),
            ["counts"] = counts,
            ["total"] = content.Counts.Values.Sum(),
        };
        if (content.OfTheWeek is { } best)
        {
            data["ofTheWeek"] = Item(best);
        }

        return data;
    }
}
