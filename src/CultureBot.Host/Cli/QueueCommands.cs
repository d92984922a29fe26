using System.CommandLine;
using System.Globalization;
using CultureBot.Core.Queue;
using CultureBot.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Cli;

/// <summary>
/// <c>culturebot queue list | retry ID | drop ID</c>: what the workers set aside (a message that kept failing, a payload
/// that cannot be processed), with its error, and the operator's two answers: try it again, or drop it.
/// </summary>
internal static class QueueCommands
{
    public static Command Create()
    {
        var queue = new Option<string?>("--queue") { Description = "Only this queue (outbox, teams-inbound, slack-inbound)." };
        var limit = new Option<int>("--limit") { Description = "At most this many set-aside items, newest first.", DefaultValueFactory = _ => 100 };
        var list = new Command("list", "Counts per queue (pending, failing, set aside), then the items set aside with their error.") { queue, limit };
        list.SetAction((parse, cancellationToken) => WithQueuesAsync(queues => ListAsync(queues, parse.GetValue(queue), parse.GetValue(limit), cancellationToken), cancellationToken));

        var retryId = new Argument<long>("ID") { Description = "The id of a set-aside item (see 'queue list')." };
        var retry = new Command("retry", "Put a set-aside item back in its queue, due now, with its attempts counted afresh.") { retryId };
        retry.SetAction((parse, cancellationToken) => WithQueuesAsync(async queues =>
            Report(await queues.RetryAsync(parse.GetValue(retryId), TimeProvider.System.GetUtcNow(), cancellationToken), parse.GetValue(retryId), "back in its queue"), cancellationToken));

        var dropId = new Argument<long>("ID") { Description = "The id of a set-aside item (see 'queue list')." };
        var drop = new Command("drop", "Delete a set-aside item for good (an item still in progress is never dropped).") { dropId };
        drop.SetAction((parse, cancellationToken) => WithQueuesAsync(async queues =>
            Report(await queues.DropAsync(parse.GetValue(dropId), cancellationToken), parse.GetValue(dropId), "dropped"), cancellationToken));

        return new Command("queue", "The work queues: what was set aside, and what to do with it.") { list, retry, drop };
    }

    /// <summary>Runs <paramref name="action"/> on the configured database (the same settings as the server), migrated first.</summary>
    private static async Task<int> WithQueuesAsync(Func<IQueueAdmin, Task<int>> action, CancellationToken cancellationToken)
    {
        var services = await CommandDatabase.OpenAsync(null, cancellationToken);
        await using (services)
        {
            return await action(services.GetRequiredService<IQueueAdmin>());
        }
    }

    private static async Task<int> ListAsync(IQueueAdmin queues, string? queue, int limit, CancellationToken cancellationToken)
    {
        Console.WriteLine($"{"queue",-16} {"pending",8} {"failing",8} {"set aside",10}");
        foreach (var counts in (await queues.CountsAsync(cancellationToken)).Where(c => queue is null || c.Queue == queue))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{counts.Queue,-16} {counts.Pending,8} {counts.Failing,8} {counts.SetAside,10}"));
        }

        var items = await queues.ListSetAsideAsync(queue, cancellationToken, limit);
        if (items.Count == 0)
        {
            Console.WriteLine();
            Console.WriteLine("Nothing set aside.");
            return 0;
        }

        Console.WriteLine();
        Console.WriteLine($"{"id",-8} {"queue",-16} {"attempts",8}  {"set aside (UTC)",-17} error");
        foreach (var item in items)
        {
            // One line per item: an error that spans lines (a stack, a multi-line message) is folded.
            var error = (item.Error ?? string.Empty).ReplaceLineEndings(" ");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{item.Id,-8} {item.Queue,-16} {item.Attempts,8}  {item.SetAsideAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),-17} {error}"));
        }

        return 0;
    }

    private static int Report(bool done, long id, string what)
    {
        if (!done)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"No set-aside item {id}: run 'culturebot queue list' for their ids (an item still in progress cannot be retried or dropped)."));
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Item {id} {what}."));
        return 0;
    }
}
