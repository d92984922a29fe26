using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureBot.Core.Personas;
using CultureBot.Core.Personas.Matching;
using CultureBot.Core.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace CultureBot.Llm;

/// <summary>
/// Asks a chat model to re-rank the offline match and say why, from the pack's sheets only. The description is
/// redacted of personal data before it is sent; an answer that is late, malformed or names unknown personas is
/// ignored and the offline match stands.
/// </summary>
public sealed partial class OpenAiPersonaReranker : IPersonaReranker
{
    private readonly LlmOptions _options;
    private readonly ChatClient? _client;
    private readonly ILogger<OpenAiPersonaReranker> _logger;

    public OpenAiPersonaReranker(IOptions<LlmOptions> options, ILogger<OpenAiPersonaReranker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        if (_options.Enabled)
        {
            _client = new ChatClient(
                _options.Model,
                new ApiKeyCredential(string.IsNullOrEmpty(_options.ApiKey) ? "none" : _options.ApiKey),
                new OpenAIClientOptions
                {
                    Endpoint = new Uri(_options.Endpoint!),
                    NetworkTimeout = TimeSpan.FromSeconds(_options.TimeoutSeconds),
                    // One attempt: a retry would outlast the user's patience; the offline answer is the fallback.
                    RetryPolicy = new ClientRetryPolicy(0),
                });
        }
    }

    public async Task<MatchResult?> RerankAsync(PersonaPack pack, string description, MatchResult offline, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(offline);
        ArgumentNullException.ThrowIfNull(culture);
        if (_client is null)
        {
            return null;
        }

        var candidates = offline.Ranked.Take(_options.MaxPersonas).Select(r => r.Persona).ToList();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            ChatMessage[] messages =
            [
                new SystemChatMessage(Instructions(culture)),
                new UserChatMessage(Prompt(candidates, PersonalDataRedactor.Redact(description))),
            ];
            var completion = await _client.CompleteChatAsync(
                messages,
                new ChatCompletionOptions { Temperature = 0, ResponseFormat = ChatResponseFormat.CreateJsonObjectFormat() },
                timeout.Token);
            return Merge(offline, completion.Value.Content.FirstOrDefault()?.Text);
        }
        catch (Exception e) when (e is ClientResultException or OperationCanceledException or JsonException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
        {
            LogFallback(_logger, e.GetType().Name);
            return null;
        }
    }

    private static string Instructions(CultureInfo culture) =>
        "You help employees recognise which customer persona fits a customer they describe. " +
        "Use only the persona sheets given; never invent facts. " +
        "Reply with a JSON object {\"ranking\": [{\"id\": \"persona id\", \"confidence\": 0.0-1.0, \"reason\": \"one sentence\"}]}, " +
        "best first, at most 3 entries, ids taken from the sheets. " +
        $"Write the reasons in {culture.EnglishName} ({culture.TwoLetterISOLanguageName}).";

    private static string Prompt(IEnumerable<Persona> personas, string description)
    {
        var builder = new StringBuilder("Persona sheets:\n");
        foreach (var p in personas)
        {
            builder.Append(CultureInfo.InvariantCulture, $"- id: {p.Id}; name: {p.Name}; portrait: {p.Tagline}; profile: {p.Profile}; ")
                .Append(CultureInfo.InvariantCulture, $"how they buy: {p.PurchaseProcess}; expectations: {string.Join(" / ", p.Expectations)}; ")
                .Append(CultureInfo.InvariantCulture, $"irritants: {string.Join(" / ", p.Irritants)}; verbatim: {p.Verbatim}\n");
        }

        return builder.Append("\nCustomer described: ").Append(description).ToString();
    }

    /// <summary>The model's order for the personas it names (known ids only), the offline order after them.</summary>
    private static MatchResult? Merge(MatchResult offline, string? json)
    {
        if (string.IsNullOrWhiteSpace(json) || JsonNode.Parse(json)?["ranking"] is not JsonArray ranking)
        {
            return null;
        }

        var byId = offline.Ranked.ToDictionary(r => r.Persona.Id, StringComparer.Ordinal);
        var chosen = new List<PersonaMatch>();
        foreach (var entry in ranking.OfType<JsonObject>())
        {
            if (entry["id"]?.GetValue<string>() is { } id && byId.TryGetValue(id, out var match) && !chosen.Any(c => c.Persona.Id == id))
            {
                var confidence = entry["confidence"] is JsonValue v && v.TryGetValue<double>(out var c) ? Math.Clamp(c, 0, 1) : match.Confidence;
                var reason = entry["reason"]?.GetValue<string>();
                List<MatchEvidence> evidence = reason is null ? [.. match.Evidence] : [new MatchEvidence("llm", [reason]), .. match.Evidence];
                chosen.Add(match with { Confidence = confidence, Evidence = evidence });
            }
        }

        if (chosen.Count == 0)
        {
            return null;
        }

        var rest = offline.Ranked.Where(r => !chosen.Any(c => c.Persona.Id == r.Persona.Id));
        return offline with { Ranked = [.. chosen, .. rest] };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The language model did not answer usefully ({Reason}); the offline match stands")]
    private static partial void LogFallback(ILogger logger, string reason);
}
