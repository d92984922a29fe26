using System.Globalization;
using CultureBot.Core.Verbatims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace CultureBot.Studio.Verbatims;

/// <summary>
/// A verbatim search written as a query string and read back: the page links the export to the filters it shows, and
/// the export endpoint reads them. A value it cannot read is ignored (no filter), never an error.
/// </summary>
public static class VerbatimFilters
{
    public static string ToQueryString(VerbatimQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var values = new Dictionary<string, string?>
        {
            ["words"] = query.Words,
            ["persona"] = query.PersonaId,
            ["kind"] = query.Kind?.ToString(),
            ["stage"] = query.Stage,
            ["source"] = query.Source?.ToString(),
            ["from"] = query.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = query.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["language"] = query.Language,
            ["state"] = query.State == VerbatimState.All ? null : query.State.ToString(),
        };
        return QueryHelpers.AddQueryString(string.Empty, values.Where(v => !string.IsNullOrWhiteSpace(v.Value)));
    }

    public static VerbatimQuery Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        string? Text(string name) => query[name].ToString() is { Length: > 0 } value ? value : null;
        DateOnly? Date(string name) => DateOnly.TryParseExact(Text(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
        return new VerbatimQuery
        {
            Words = Text("words"),
            PersonaId = Text("persona"),
            Kind = Enum.TryParse<VerbatimKind>(Text("kind"), out var kind) && Enum.IsDefined(kind) ? kind : null,
            Stage = Text("stage"),
            Source = Enum.TryParse<VerbatimSource>(Text("source"), out var source) && Enum.IsDefined(source) ? source : null,
            From = Date("from"),
            To = Date("to"),
            Language = Text("language"),
            State = Enum.TryParse<VerbatimState>(Text("state"), out var state) && Enum.IsDefined(state) ? state : VerbatimState.All,
        };
    }
}
