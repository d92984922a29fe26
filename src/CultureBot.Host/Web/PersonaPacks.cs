using CultureBot.Content;
using CultureBot.Core.Personas;

namespace CultureBot.Host.Web;

/// <summary>Reads the packs of <c>Content:Packs</c> at start. A malformed pack stops the host with its file, line and field.</summary>
internal static partial class PersonaPacks
{
    public static PersonaDirectory Load(ContentOptions options, ILogger logger)
    {
        var packs = new List<PersonaPack>();
        foreach (var file in options.EffectivePacks)
        {
            var read = PackReader.ReadFile(file);
            foreach (var warning in read.Warnings)
            {
                LogWarning(logger, warning);
            }

            LogLoaded(logger, read.Pack.Slug, read.Pack.Language, read.Pack.Personas.Count, file);
            packs.Add(read.Pack);
        }

        return new PersonaDirectory(packs);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Persona pack: {Warning}")]
    private static partial void LogWarning(ILogger logger, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Persona pack {Slug} ({Language}, {Count} personas) from {File}")]
    private static partial void LogLoaded(ILogger logger, string slug, string language, int count, string file);
}
