using System.Globalization;

namespace CultureBot.Core.Personas.Matching;

/// <summary>
/// Re-ranks and explains an offline match (an LLM, when one is configured). Returns null when it cannot answer
/// in time or well: the offline result then stands.
/// </summary>
public interface IPersonaReranker
{
    Task<MatchResult?> RerankAsync(PersonaPack pack, string description, MatchResult offline, CultureInfo culture, CancellationToken cancellationToken);
}
