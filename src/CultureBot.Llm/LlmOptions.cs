using System.Globalization;
using Microsoft.Extensions.Options;

namespace CultureBot.Llm;

/// <summary>
/// The <c>OpenAI</c> section: any OpenAI-compatible chat completions endpoint (OpenAI, Azure OpenAI's v1
/// endpoint, a local server). Off unless <see cref="Endpoint"/> and <see cref="Model"/> are set.
/// </summary>
public sealed class LlmOptions
{
    public const string Section = "OpenAI";

    /// <summary>The API base, e.g. <c>https://api.openai.com/v1</c> or <c>https://RESOURCE.openai.azure.com/openai/v1/</c>.</summary>
    public string? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>The model (OpenAI) or deployment (Azure) name.</summary>
    public string? Model { get; set; }

    /// <summary>After this the offline match is answered instead.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    /// <summary>Personas sent to the model: the offline ranking's first ones, to bound the prompt on large packs.</summary>
    public int MaxPersonas { get; set; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Model);
}

internal sealed class LlmOptionsValidator : IValidateOptions<LlmOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmOptions options)
    {
        var errors = new List<string>();
        var hasEndpoint = !string.IsNullOrWhiteSpace(options.Endpoint);
        var hasModel = !string.IsNullOrWhiteSpace(options.Model);
        if (hasEndpoint && !hasModel)
        {
            errors.Add("OpenAI:Model must be set when OpenAI:Endpoint is (the model, or the Azure deployment, name); remove both to leave the language model off.");
        }

        if (hasModel && !hasEndpoint)
        {
            errors.Add("OpenAI:Endpoint must be set when OpenAI:Model is (for example https://api.openai.com/v1); remove both to leave the language model off.");
        }

        if (hasEndpoint && (!Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("https" or "http")))
        {
            errors.Add($"OpenAI:Endpoint must be an absolute http(s) address, for example https://api.openai.com/v1; it is '{options.Endpoint}'.");
        }

        if (!(options.TimeoutSeconds > 0) || double.IsInfinity(options.TimeoutSeconds))
        {
            errors.Add($"OpenAI:TimeoutSeconds must be a number of seconds more than zero (the default is 8); it is {options.TimeoutSeconds.ToString(CultureInfo.InvariantCulture)}.");
        }

        if (options.MaxPersonas < 1)
        {
            errors.Add($"OpenAI:MaxPersonas must be at least 1 (the default is 8); it is {options.MaxPersonas.ToString(CultureInfo.InvariantCulture)}.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
