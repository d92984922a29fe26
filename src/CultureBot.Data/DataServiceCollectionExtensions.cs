using CultureBot.Core.Audit;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Digests;
using CultureBot.Core.Insights;
using CultureBot.Core.Installations;
using CultureBot.Core.Onboarding;
using CultureBot.Core.Personas;
using CultureBot.Core.Queue;
using CultureBot.Core.Quiz;
using CultureBot.Core.Verbatims;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CultureBot.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Storage options (validated at start), the database, migrations at start, the stores, the readiness check.</summary>
    public static IServiceCollection AddCultureBotData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Database>();
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton<IConversationStore, SqlConversationStore>();
        services.AddSingleton<IPackStore, SqlPackStore>();
        services.AddSingleton<IWorkQueue, SqlWorkQueue>();
        services.AddSingleton<IQueueAdmin, SqlQueueAdmin>();
        services.AddSingleton<IInstallationStore, SqlInstallationStore>();
        services.AddSingleton<SqlKeyRing>();
        services.AddSingleton<INonceLedger, SqlNonceLedger>();
        services.AddSingleton<IVerbatimStore, SqlVerbatimStore>();
        services.AddSingleton<IDigestStore, SqlDigestStore>();
        services.AddSingleton<IQuizStore, SqlQuizStore>();
        services.AddSingleton<IQuizOverrideStore, SqlQuizOverrideStore>();
        services.AddSingleton<IOnboardingStore, SqlOnboardingStore>();
        services.AddSingleton<ICommitteeStore, SqlCommitteeStore>();
        services.AddSingleton<IEngagementStore, SqlEngagementStore>();
        services.AddSingleton<IAuditLog, SqlAuditLog>();
        services.TryAddSingleton<IEngagementLog, EngagementLog>();
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddHostedService<MigrationHostedService>();
        services.AddHostedService<WalCheckpointService>();
        return services;
    }
}
