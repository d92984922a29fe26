using CultureBot.Core.Personas.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CultureBot.Llm;

public static class LlmServiceCollectionExtensions
{
    /// <summary>The optional re-ranker, bound to the <c>OpenAI</c> section; it answers null (offline stands) when not configured.</summary>
    public static IServiceCollection AddPersonaReranker(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LlmOptions>().Bind(configuration.GetSection(LlmOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LlmOptions>, LlmOptionsValidator>();
        services.AddSingleton<IPersonaReranker, OpenAiPersonaReranker>();
        return services;
    }
}
