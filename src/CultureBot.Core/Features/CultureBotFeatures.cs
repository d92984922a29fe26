using CultureBot.Core.Bot;
using CultureBot.Core.Features.Committees;
using CultureBot.Core.Features.Digests;
using CultureBot.Core.Features.Help;
using CultureBot.Core.Features.Installations;
using CultureBot.Core.Features.Onboarding;
using CultureBot.Core.Features.Personas;
using CultureBot.Core.Features.Quiz;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CultureBot.Core.Features;

/// <summary>
/// The router composition: every feature's routes, and so every feature class in DI (<see cref="BotServiceCollectionExtensions.AddBotRoutes"/>
/// registers the classes the routes call). The one place a new feature is added; nothing else in Core knows the features.
/// </summary>
public static class CultureBotFeatures
{
    /// <param name="services">The host's services.</param>
    /// <param name="more">Routes of the host's own, mapped first (an end-to-end test's clock).</param>
    public static IServiceCollection AddCultureBotFeatures(this IServiceCollection services, Action<BotRouteBuilder>? more = null)
    {
        services.TryAddSingleton<PersonalChat>();
        return services.AddBotRoutes(routes =>
        {
            more?.Invoke(routes);
            routes
                .MapFeature<HelpFeature>(HelpFeature.Map)
                .MapFeature<SmallTalkFeature>(SmallTalkFeature.Map)
                .MapFeature<WeekFeature>(WeekFeature.Map)
                .MapFeature<DigestFeature>(DigestFeature.Map)
                .MapFeature<DigestReadFeature>(DigestReadFeature.Map)
                .MapFeature<VerbatimFeature>(VerbatimFeature.Map)
                .MapFeature<QuizFeature>(QuizFeature.Map)
                .MapFeature<OnboardingFeature>(OnboardingFeature.Map)
                .MapFeature<CommitteeFeature>(CommitteeFeature.Map)
                .MapFeature<PersonaFeature>(PersonaFeature.Map)
                .MapFeature<FinderFeature>(FinderFeature.Map)
                .MapFeature<InstallationFeature>(InstallationFeature.Map);
        });
    }
}
