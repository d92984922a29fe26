using CultureBot.Core.Bot;

namespace CultureBot.Core.Personas;

/// <summary>How a feature picks the pack for a turn: its organization's, in the user's language.</summary>
public static class TurnPacks
{
    /// <summary>The pack of the turn's organization in the user's language (its own, else the default); null when none is loaded.</summary>
    public static PersonaPack? PackFor(this PersonaDirectory personas, TurnContext context)
    {
        ArgumentNullException.ThrowIfNull(personas);
        ArgumentNullException.ThrowIfNull(context);
        return personas.PackFor(context.Turn.Conversation.Key, context.Culture);
    }
}
