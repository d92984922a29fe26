using CultureBot.Core.Conversations;
using CultureBot.Slack;
using CultureBot.Teams.Configuration;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>The <c>Access</c> settings, validated at start, and the <see cref="OrganizationAccess"/> the edges ask.</summary>
    public static IServiceCollection AddOrganizationAccess(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AccessOptions>, AccessOptionsValidator>();
        services.AddSingleton(sp =>
        {
            var access = sp.GetRequiredService<IOptions<AccessOptions>>().Value;
            var teams = sp.GetRequiredService<IOptions<TeamsOptions>>().Value;
            IEnumerable<string> tenants = string.IsNullOrWhiteSpace(teams.TenantId) ? access.TeamsTenants : [.. access.TeamsTenants, teams.TenantId];
            return new OrganizationAccess(access.AllowAnyOrganization, tenants, access.SlackWorkspaces, teams.IsLocalMode, sp.GetRequiredService<ILogger<OrganizationAccess>>());
        });
        return services;
    }
}
