namespace CultureBot.Core.Conversations;

/// <summary>
/// Everything needed to write to a conversation later, without a user message to reply to
/// (digests, quiz rounds, onboarding cards, reminders).
/// </summary>
/// <param name="Key">Which conversation.</param>
/// <param name="Kind">Personal chat, group chat or channel.</param>
/// <param name="ServiceUrl">Where the platform accepts messages for it (Teams' serviceUrl); null where the platform has one fixed API.</param>
/// <param name="BotId">The bot's id in that conversation.</param>
/// <param name="UserId">The user of a personal chat, or the last user seen.</param>
/// <param name="Locale">The last locale seen (BCP-47), to answer proactively in the user's language.</param>
/// <param name="TimeZone">The last IANA or Windows time zone seen, for schedules.</param>
/// <param name="UpdatedAt">When this reference was last refreshed from an inbound activity.</param>
public sealed record ConversationReference(
    ConversationKey Key,
    ConversationKind Kind,
    string? ServiceUrl,
    string? BotId,
    string? UserId,
    string? Locale,
    string? TimeZone,
    DateTimeOffset UpdatedAt);
