using CultureBot.Core.Committees;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Committees;

internal static class CommitteeServiceCollectionExtensions
{
    public static IServiceCollection AddCultureBotCommittees(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CommitteeOptions>().Bind(configuration.GetSection(CommitteeOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CommitteeOptions>, CommitteeOptionsValidator>();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<CommitteeOptions>>().Value.Reminders);
        services.AddSingleton(sp => new CommitteeLinks(sp.GetRequiredService<IOptions<CommitteeOptions>>().Value.PublicUrl?.ToString()));
        services.AddSingleton<CommitteeCards>();
        return services;
    }
}
