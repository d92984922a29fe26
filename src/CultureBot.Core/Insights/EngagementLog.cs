using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using Microsoft.Extensions.Logging;

namespace CultureBot.Core.Insights;

/// <summary>
/// <see cref="IEngagementLog"/> on the <see cref="IEngagementStore"/>: the person's id becomes its pseudonym here, so
/// the raw id never reaches the table; a failure to record is logged, never thrown into the turn.
/// </summary>
public sealed partial class EngagementLog(IEngagementStore store, TimeProvider time, ILogger<EngagementLog> logger) : IEngagementLog
{
    private byte[]? _key;

    public Task RecordAsync(Turn turn, string kind, string? personaId = null, double? value = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return RecordAsync(turn.Conversation.Key, turn.From?.Id, kind, personaId, value, detail, cancellationToken);
    }

    public async Task RecordAsync(ConversationKey conversation, string? userId, string kind, string? personaId = null, double? value = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        try
        {
            _key ??= await store.PseudonymKeyAsync(cancellationToken);
            var person = string.IsNullOrEmpty(userId) ? null : Pseudonyms.Of(_key, conversation.Platform, userId);
            await store.AddAsync(new EngagementEvent(conversation.Organization, time.GetUtcNow(), kind, person, conversation.ConversationId, personaId, value, detail), cancellationToken);
        }
#pragma warning disable CA1031 // The person's answer matters more than the statistic: no failure here may end the turn.
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(logger, exception, kind);
        }
#pragma warning restore CA1031
    }

    /// <summary>A read receipt covers the digests of this last stretch: an older one unread by now is not read because of it.</summary>
    public static readonly TimeSpan ReadWindow = TimeSpan.FromDays(30);

    public async Task RecordReadAsync(Turn turn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var conversation = turn.Conversation.Key;
        try
        {
            // A receipt is a read marker: everything before the last message read has been seen too, so every digest
            // delivered to this chat and not yet read counts as read now, whichever later message the receipt names
            // (an onboarding card or a reply may have followed the digest).
            var unread = await store.UnreadDigestsAsync(conversation, time.GetUtcNow() - ReadWindow, cancellationToken);
            if (unread.Count == 0)
            {
                await RecordAsync(turn, EngagementKinds.MessageRead, cancellationToken: cancellationToken);
            }

            foreach (var digest in unread)
            {
                await RecordAsync(turn, EngagementKinds.DigestRead, detail: digest, cancellationToken: cancellationToken);
            }
        }
#pragma warning disable CA1031 // As for every event: the statistic never costs the turn.
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotRecorded(logger, exception, EngagementKinds.DigestRead);
        }
#pragma warning restore CA1031
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Engagement event '{Kind}' not recorded (the turn goes on)")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string kind);
}
