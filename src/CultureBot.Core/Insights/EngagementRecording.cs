using CultureBot.Core.Bot;
using CultureBot.Core.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Core.Insights;

/// <summary>How a feature notes what the person of its turn did: one line, and nothing when no log is registered.</summary>
public static class EngagementRecording
{
    /// <summary>Below this top confidence, a match's description is kept (redacted): what the personas may be missing.</summary>
    public const double LowConfidence = 0.5;

    public static Task RecordAsync(this TurnContext context, string kind, string? personaId = null, double? value = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Services.GetService<IEngagementLog>() is { } log
            ? log.RecordAsync(context.Turn, kind, personaId, value, detail, cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>
    /// A match answered: its top persona and confidence; the description's text (redacted of personal data) only when
    /// no persona fitted well, the signal of a persona the culture lacks. Otherwise nothing of what was written is kept.
    /// </summary>
    public static Task RecordMatchAsync(this TurnContext context, string description, string? topPersonaId, double topConfidence, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(description);
        var detail = topConfidence < LowConfidence ? PersonalDataRedactor.Redact(description) : null;
        return context.RecordAsync(EngagementKinds.MatchAnswered, topPersonaId, Math.Round(topConfidence, 3), detail, cancellationToken);
    }
}
