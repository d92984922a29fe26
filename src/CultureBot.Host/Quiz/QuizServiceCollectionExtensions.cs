using CultureBot.Core.Delivery;
using CultureBot.Core.Quiz;

namespace CultureBot.Host.Quiz;

internal static class QuizServiceCollectionExtensions
{
    /// <summary>The quiz's services: the question pool, the game rules, the round timer (Quartz), the live count.</summary>
    public static IServiceCollection AddCultureBotQuiz(this IServiceCollection services)
    {
        services.AddSingleton<QuizPool>();
        services.AddSingleton<QuizLiveCounts>();
        services.AddSingleton<IQuizTimer, QuartzQuizTimer>();
        services.AddSingleton<QuizGames>();
        services.AddSingleton<IDeliveryReceipts, QuizReceipts>();
        services.AddHostedService<QuizLiveCardRefresher>();
        return services;
    }

    /// <summary>Where a round card was posted, from the outbox to the game (to update the card later).</summary>
    private sealed class QuizReceipts(QuizGames games) : IDeliveryReceipts
    {
        public Task DeliveredAsync(string receipt, string messageId, CancellationToken cancellationToken) =>
            games.DeliveredAsync(receipt, messageId, cancellationToken);
    }
}
