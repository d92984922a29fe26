using System.Globalization;
using CultureBot.Core.Verbatims;

namespace CultureBot.Content.Verbatims;

/// <summary>
/// Writes verbatims as the CSV <see cref="VerbatimCsvReader"/> reads: its own header names and words (kinds and
/// sources in English, ISO dates), comma separated, a cell quoted when it holds a comma, a quote or a line break, so
/// that exporting and importing again gives back the same verbatims.
/// </summary>
public static class VerbatimCsvWriter
{
    public static void Write(TextWriter writer, IEnumerable<Verbatim> verbatims)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(verbatims);
        WriteLine(writer, VerbatimCsvReader.Fields);
        foreach (var v in verbatims)
        {
            WriteLine(writer,
            [
                v.Text, v.PersonaId, v.Kind?.ToString().ToLowerInvariant(), v.Stage, v.Source?.ToString().ToLowerInvariant(),
                v.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Channel, v.Language,
            ]);
        }
    }

    private static void WriteLine(TextWriter writer, IEnumerable<string?> cells) =>
        writer.Write(string.Join(',', cells.Select(Quote)) + "\r\n");

    private static string Quote(string? cell) =>
        cell is null ? string.Empty
        : cell.AsSpan().IndexOfAny(",\"\r\n;") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : cell;
}
