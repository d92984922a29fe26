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
