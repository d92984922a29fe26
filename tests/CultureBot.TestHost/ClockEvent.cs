using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Scheduling;
using Quartz;

namespace CultureBot.TestHost;

/// <summary>
/// End-to-end runs only (the test host, with <c>Testing:Clock</c> set, which platform credentials refuse): the event
/// <c>culturebot/clock</c> with <c>{"now": "2026-03-27T08:00:00Z"}</c> moves the <see cref="AdjustableClock"/> forward
/// and fires the minute checks through Quartz at once, so that a scenario in the Agents Playground can walk days in
/// seconds and see what the bot sends by itself, unasked. It answers with the time the clock now reads.
/// </summary>
internal static class ClockEvent
{
    public const string Name = "culturebot/clock";

    public static BotRouteBuilder MapTestClock(this BotRouteBuilder routes) => routes.OnEvent(Name, MoveAsync);

    private static async Task MoveAsync(TurnContext context, CancellationToken cancellationToken)
    {
        if (context.Services.GetService<AdjustableClock>() is not { } clock
            || ActionValues.Text(context.Turn.EventValue?["now"]) is not { } text
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return;
        }

        var now = clock.MoveTo(instant);
        var scheduler = context.Services.GetRequiredService<CultureBotScheduler>();
        var quartz = await context.Services.GetRequiredKeyedService<ISchedulerFactory>(scheduler.Name).GetScheduler(cancellationToken);
        foreach (var check in DueChecks.All)
        {
            await quartz.TriggerJob(check, cancellationToken);
        }

        await context.SendAsync(BotMessage.FromText(string.Create(CultureInfo.InvariantCulture, $"Clock: {now.UtcDateTime:yyyy-MM-dd'T'HH:mm}Z")), cancellationToken);
    }
}
