using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;
using CultureBot.Core.Digests;

namespace CultureBot.Core.Features.Digests;

/// <summary>
/// <c>digest on [day] [hh:mm] [time zone]</c>, <c>digest off</c>, <c>digest preview</c>, <c>digest</c> (status).
/// The default is Monday 9:00 in the conversation's own time zone, as the platform last told it.
/// </summary>
public sealed class DigestFeature(IDigestStore store, DigestBuilder builder, TimeProvider clock)
{
    public static void Map(FeatureRoutes<DigestFeature> routes) => routes
        .MapCommand("digest", digest => digest.StatusAsync)
        .MapSubCommand("digest", "digest-on", digest => digest.SubscribeAsync)
        .MapSubCommand("digest", "digest-off", digest => digest.UnsubscribeAsync)
        .MapSubCommand("digest", "digest-preview", digest => digest.PreviewAsync);

    private async Task SubscribeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var request = ParseSchedule(context.CommandArguments, context.Turn.Conversation.TimeZone);
        if (request.UnknownZone is { } unknown)
        {
            await context.SendAsync(BotMessage.FromText(string.Format(context.Culture, context.T("digestUnknownZone"), unknown)), cancellationToken);
            return;
        }

        var subscription = new DigestSubscription(context.Turn.Conversation.Key, request.Day, request.Time, request.TimeZone, context.Culture.TwoLetterISOLanguageName);
        var now = clock.GetUtcNow();
        await store.SubscribeAsync(subscription, now, cancellationToken);
        var text = string.Format(context.Culture, context.T("digestOn"), DayName(subscription.Day, context.Culture), subscription.Time.ToString("HH:mm", CultureInfo.InvariantCulture), subscription.TimeZone);
        if (request.ZoneAssumed)
        {
            text += "\n\n" + context.T("digestZoneAssumed");
        }

        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    private async Task UnsubscribeAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var removed = await store.UnsubscribeAsync(context.Turn.Conversation.Key, cancellationToken);
        await context.SendAsync(BotMessage.FromText(context.T(removed ? "digestOff" : "digestNotOn")), cancellationToken);
    }

    /// <summary>The digest as it would be posted now; a preview does not count as shown.</summary>
    private async Task PreviewAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var digest = await builder.BuildAsync(context.Turn.Conversation.Key, context.Culture.TwoLetterISOLanguageName, now, cancellationToken);
        await context.SendAsync(digest is null ? BotMessage.FromText(context.T("digestNone")) : digest.Message with { Text = context.T("digestTitle") }, cancellationToken);
    }

    private async Task StatusAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var subscription = await store.GetAsync(context.Turn.Conversation.Key, cancellationToken);
        var text = subscription is null
            ? context.T("digestNotOn")
            : string.Format(context.Culture, context.T("digestStatus"), DayName(subscription.Day, context.Culture), subscription.Time.ToString("HH:mm", CultureInfo.InvariantCulture), subscription.TimeZone);
        await context.SendAsync(BotMessage.FromText(text), cancellationToken);
    }

    /// <summary>What <c>digest on …</c> asked for.</summary>
    internal sealed record ScheduleRequest(DayOfWeek Day, TimeOnly Time, string TimeZone, bool ZoneAssumed, string? UnknownZone);

    /// <summary>Reads a day (English or French, full or short), a time (9:00, 9h30, 14h, 9) and a time zone, in any order.</summary>
    internal static ScheduleRequest ParseSchedule(string arguments, string? conversationZone)
    {
        var day = DigestSubscription.DefaultDay;
        var time = DigestSubscription.DefaultTime;
        string? zone = null;
        string? unknown = null;
        foreach (var word in (arguments ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var folded = TextMatching.Fold(word);
            if (Days.TryGetValue(folded, out var d))
            {
                day = d;
            }
            else if (ClockTimes.TryParse(folded, out var parsed))
            {
                time = parsed;
            }
            else if (TimeZones.IsKnown(word))
            {
                zone = word;
            }
            else if (word.Contains('/', StringComparison.Ordinal))
            {
                unknown = word;
            }
        }

        var known = TimeZones.IsKnown(conversationZone) ? conversationZone : null;
        return new ScheduleRequest(day, time, zone ?? known ?? "UTC", zone is null && known is null, unknown);
    }

    private static string DayName(DayOfWeek day, CultureInfo culture) => culture.DateTimeFormat.GetDayName(day);

    private static readonly Dictionary<string, DayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["monday"] = DayOfWeek.Monday, ["mon"] = DayOfWeek.Monday, ["lundi"] = DayOfWeek.Monday, ["lun"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["tue"] = DayOfWeek.Tuesday, ["mardi"] = DayOfWeek.Tuesday, ["mar"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["wed"] = DayOfWeek.Wednesday, ["mercredi"] = DayOfWeek.Wednesday, ["mer"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["thu"] = DayOfWeek.Thursday, ["jeudi"] = DayOfWeek.Thursday, ["jeu"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["fri"] = DayOfWeek.Friday, ["vendredi"] = DayOfWeek.Friday, ["ven"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sat"] = DayOfWeek.Saturday, ["samedi"] = DayOfWeek.Saturday, ["sam"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sun"] = DayOfWeek.Sunday, ["dimanche"] = DayOfWeek.Sunday, ["dim"] = DayOfWeek.Sunday,
    };
}
