using CultureBot.Core.Personas;

namespace CultureBot.Studio.Personas;

/// <summary>
/// The packs the running host serves to chat. The studio stores a pack, then asks for a reload, so that the next card
/// in chat shows the change without a restart; and it asks first whether the host could serve the pack at all.
/// </summary>
public interface IServedPacks
{
    /// <summary>What would stop the host serving <paramref name="pack"/> (an onboarding journey naming a persona it no longer has), as <c>file:line: field: message</c>; empty when nothing.</summary>
    IReadOnlyList<string> Check(PersonaPack pack);

    /// <summary>Reads every stored pack again and serves them from now on.</summary>
    Task ReloadAsync(CancellationToken cancellationToken);
}
