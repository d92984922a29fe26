using CultureBot.Core.Delivery;
using CultureBot.Core.Quiz;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Scheduling.Quiz;

public static class QuizServiceCollectionExtensions
{
    /// <summary>The quiz's services: the question pool, the game rules, the round timer (Quartz), the live count.</summary>
    public static IServiceCollection AddCultureBotQuiz(this IServiceCollection services)
    {
        services.AddSingleton<QuizPool>();
        services.AddSingleton<QuizLiveCounts>();
        services.AddSingleton<IQuizTimer, QuartzQuizTimer>();
        services.AddSingleton<QuizGames>();
        services.AddSingleton<IDeliveryReceipts>(sp => sp.GetRequiredService<QuizGames>()); // where round cards were posted
        services.AddHostedService<QuizLiveCardRefresher>();
        return services;
    }
}
