using CultureBot.Core.Conversations;

namespace CultureBot.Core.Queue;

/// <summary>
/// How one platform's payloads are stored in the shared inbound queue: where they wait, how one is written and read
/// back, who it is from. The door (<see cref="InboundQueue{TItem}"/>) and the worker (<see cref="InboundWorker{TItem}"/>)
/// are the same for Slack payloads and Teams activities; this is what differs.
/// </summary>
/// <typeparam name="TItem">The platform's verified inbound payload.</typeparam>
public interface IInboundPlatform<TItem>
{
    /// <summary>The queue its payloads wait in (<c>slack-inbound</c>, <c>teams-inbound</c>): what operators see.</summary>
    string QueueName { get; }

    /// <summary>False when the platform is off: its worker does not run.</summary>
    bool Enabled { get; }

    /// <summary>The organization a payload comes from, and the id that makes its retry recognisable (null when it has none: then it is stored each time).</summary>
    (OrganizationKey Organization, string? DedupeKey) IdentityOf(TItem item);

    /// <summary>The payload as stored, with the moment it was received (a quiz answer counts at that moment, however long it waits).</summary>
    string Serialize(TItem item, DateTimeOffset receivedAt);

    /// <summary>A stored payload read back; throws (<see cref="FormatException"/>, a JSON exception) when it cannot be.</summary>
    TItem Deserialize(string stored);

    /// <summary>Whose payload it is, when that can be told, never throwing: one person's payloads are processed in order.</summary>
    string? SenderOf(TItem item);
}

/// <summary>Runs one stored payload: the platform's adapter, called by the <see cref="InboundWorker{TItem}"/>.</summary>
public interface IInboundHandler<in TItem>
{
    /// <summary>Runs the payload's turn. Throws when it failed: the item is retried, or set aside.</summary>
    Task ProcessAsync(TItem item, CancellationToken cancellationToken);

    /// <summary>True for an error no retry can mend (a refused token, refused content): the item is set aside at once.</summary>
    bool IsPermanent(Exception error) => false;
}
