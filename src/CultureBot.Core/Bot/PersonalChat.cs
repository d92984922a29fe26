using CultureBot.Core.Conversations;

namespace CultureBot.Core.Bot;

/// <summary>Where to write to one person alone, from any conversation they are in.</summary>
public sealed class PersonalChat(IConversationStore conversations, TimeProvider clock)
{
    /// <summary>
    /// In Teams, a conversation id that names a person rather than a conversation (<c>user:ID</c>): the sender creates
    /// the one-to-one chat on the first message to it.
    /// </summary>
    public const string TeamsUserPrefix = "user:";

    /// <summary>
    /// This conversation when it is <paramref name="person"/>'s personal chat, else a personal chat the platform opens
    /// on the first message (Teams creates the one-to-one conversation, named <c>user:ID</c> until then; Slack opens
    /// the direct message from the user id), remembered with this conversation's service address so that the outbox
    /// can reach it.
    /// </summary>
    public async Task<ConversationKey> OpenAsync(TurnContext context, BotUser person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(person);
        var here = context.Turn.Conversation;
        if (here.Kind == ConversationKind.Personal && here.UserId == person.Id)
        {
            return here.Key;
        }

        var key = here.Key with { ConversationId = here.Key.Platform == Platforms.Teams ? TeamsUserPrefix + person.Id : person.Id };
        await conversations.UpsertReferenceAsync(
            here with { Key = key, Kind = ConversationKind.Personal, UserId = person.Id, UpdatedAt = clock.GetUtcNow() }, cancellationToken);
        return key;
    }
}
