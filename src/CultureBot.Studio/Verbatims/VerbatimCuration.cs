using System.Globalization;
using System.Text;
using CultureBot.Content.Verbatims;
using CultureBot.Core.Audit;
using CultureBot.Core.Conversations;
using CultureBot.Core.Verbatims;
using CultureBot.Studio.Access;

namespace CultureBot.Studio.Verbatims;

/// <summary>What the studio asked to change in a verbatim, and whether it was done.</summary>
public enum VerbatimChangeOutcome
{
    Saved,
    Changed,
    NotFound,
    Duplicate,

    /// <summary>The input is not a verbatim (empty text, too long, no language): <see cref="VerbatimChange.Problem"/> says which field.</summary>
    Invalid,
}

/// <param name="Problem">For <see cref="VerbatimChangeOutcome.Invalid"/>: the field at fault (<c>text</c>, <c>language</c>…).</param>
/// <param name="Redacted">Personal data was removed from what was typed before it was stored.</param>
public sealed record VerbatimChange(VerbatimChangeOutcome Outcome, string? Problem = null, bool Redacted = false);

/// <summary>
/// The studio's verbatims for one signed-in person: search and export (viewers too), edit, retire, restore and import
/// (owners). Every call is scoped to the person's own organization (the samples are read-only, searched on request) and
/// every write is checked here again, whatever the page offered, and recorded in the audit trail.
/// </summary>
public sealed class VerbatimCuration(IVerbatimStore store, VerbatimImporter importer, IAuditLog audit, TimeProvider clock)
{
    public const int MaxTextLength = 5000;
    public const int MaxFieldLength = 200;

    /// <summary>One page of the organization's own verbatims (or of the shared samples, read-only), as filtered.</summary>
    public Task<VerbatimPage> SearchAsync(StudioUser user, VerbatimQuery query, bool samples, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return store.SearchAsync(samples ? OrganizationKey.Samples : user.Organization, query, cancellationToken);
    }

    /// <summary>
    /// Writes every verbatim of the organization's own matching <paramref name="query"/> as the CSV <c>culturebot
    /// verbatims export</c> writes (its writer; the import reads it back). Returns how many.
    /// </summary>
    public async Task<int> ExportAsync(StudioUser user, VerbatimQuery query, TextWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var verbatims = new List<Verbatim>();
        await foreach (var verbatim in store.StreamAsync(user.Organization, query, cancellationToken))
        {
            verbatims.Add(verbatim);
        }

        VerbatimCsvWriter.Write(writer, verbatims);
        return verbatims.Count;
    }

    /// <summary>
    /// Replaces the fields of verbatim <paramref name="id"/> if nobody changed it since <paramref name="revision"/>; the
    /// text and every free-text field go through the same personal-data removal as chat and the CSV import.
    /// </summary>
    public async Task<VerbatimChange> EditAsync(StudioUser user, long id, int revision, Verbatim edited, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        ArgumentNullException.ThrowIfNull(edited);
        if (Problem(edited) is { } problem)
        {
            return new VerbatimChange(VerbatimChangeOutcome.Invalid, problem);
        }

        var typed = Trimmed(edited);
        var clean = typed.WithoutPersonalData();
        if (await store.GetAsync(user.Organization, id, cancellationToken) is not { } before)
        {
            return new VerbatimChange(VerbatimChangeOutcome.NotFound);
        }

        var outcome = await store.UpdateAsync(user.Organization, id, revision, clean, cancellationToken);
        if (outcome == VerbatimEditOutcome.Saved)
        {
            await RecordAsync(user, "verbatim.edit", id, Differences(before.Verbatim, clean), cancellationToken);
        }

        return new VerbatimChange(Map(outcome), Redacted: clean != typed);
    }

    /// <summary>Retires verbatim <paramref name="id"/>: kept, restorable, but no digest, quiz or match uses it any more.</summary>
    public Task<VerbatimChange> RetireAsync(StudioUser user, long id, int revision, CancellationToken cancellationToken) =>
        SetRetiredAsync(user, id, revision, retire: true, cancellationToken);

    public Task<VerbatimChange> RestoreAsync(StudioUser user, long id, int revision, CancellationToken cancellationToken) =>
        SetRetiredAsync(user, id, revision, retire: false, cancellationToken);

    /// <summary>
    /// Imports an uploaded CSV for the organization with the command line's rules (<see cref="VerbatimImporter"/>):
    /// personal data removed, duplicates skipped, bad lines reported with their number; <paramref name="progress"/>
    /// follows the file as its lines are read.
    /// </summary>
    public async Task<VerbatimImport> ImportAsync(StudioUser user, Stream csv, string fileName, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        ArgumentNullException.ThrowIfNull(csv);
        var name = Path.GetFileName(fileName);
        var result = await importer.ImportAsync(user.Organization, csv, name, null, null, progress, cancellationToken);
        await audit.RecordAsync(new AuditEntry(user.Organization, clock.GetUtcNow(), user.Name, "verbatim.import", name,
            string.Create(CultureInfo.InvariantCulture, $"read={result.Read} added={result.Added} duplicates={result.Duplicates} redacted={result.Redacted} errors={result.Errors.Count}")), cancellationToken);
        return result;
    }

    private async Task<VerbatimChange> SetRetiredAsync(StudioUser user, long id, int revision, bool retire, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        var outcome = await store.SetRetiredAsync(user.Organization, id, revision, retire ? clock.GetUtcNow() : null, cancellationToken);
        if (outcome == VerbatimEditOutcome.Saved)
        {
            await RecordAsync(user, retire ? "verbatim.retire" : "verbatim.restore", id, retire ? "retired" : "restored", cancellationToken);
        }

        return new VerbatimChange(Map(outcome));
    }

    private Task RecordAsync(StudioUser user, string action, long id, string summary, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry(user.Organization, clock.GetUtcNow(), user.Name, action, string.Create(CultureInfo.InvariantCulture, $"verbatim:{id}"), summary), cancellationToken);

    /// <summary>Refuses anyone but an owner: the page offers writes to owners only, so anything else is a forged call.</summary>

    private static string? Problem(Verbatim v) =>
        string.IsNullOrWhiteSpace(v.Text) ? "text"
        : v.Text.Length > MaxTextLength ? "text"
        : string.IsNullOrWhiteSpace(v.Language) || VerbatimLanguage.Normalize(v.Language) is not { Length: >= 2 and <= 3 } language || !language.All(char.IsAsciiLetterLower) ? "language"
        : new[] { v.PersonaId, v.Stage, v.Channel }.Any(f => f?.Length > MaxFieldLength) ? "field"
        : v.Kind is { } kind && !Enum.IsDefined(kind) ? "kind"
        : v.Source is { } source && !Enum.IsDefined(source) ? "source"
        : null;

    private static Verbatim Trimmed(Verbatim v) => v with
    {
        Id = 0,
        Text = v.Text.Trim(),
        PersonaId = Blank(v.PersonaId),
        Stage = Blank(v.Stage),
        Channel = Blank(v.Channel),
        Language = VerbatimLanguage.Normalize(v.Language),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Which fields changed, for the audit trail (the names only: never the customer's words).</summary>
    private static string Differences(Verbatim before, Verbatim after)
    {
        var changed = new StringBuilder();
        void Check(string field, object? a, object? b)
        {
            if (!Equals(a, b))
            {
                changed.Append(changed.Length == 0 ? string.Empty : ", ").Append(field);
            }
        }

        Check("text", before.Text, after.Text);
        Check("persona", before.PersonaId, after.PersonaId);
        Check("kind", before.Kind, after.Kind);
        Check("stage", before.Stage, after.Stage);
        Check("source", before.Source, after.Source);
        Check("date", before.Date, after.Date);
        Check("channel", before.Channel, after.Channel);
        Check("language", before.Language, after.Language);
        return changed.Length == 0 ? "nothing changed" : "changed: " + changed;
    }

    private static VerbatimChangeOutcome Map(VerbatimEditOutcome outcome) => outcome switch
    {
        VerbatimEditOutcome.Saved => VerbatimChangeOutcome.Saved,
        VerbatimEditOutcome.Changed => VerbatimChangeOutcome.Changed,
        VerbatimEditOutcome.Duplicate => VerbatimChangeOutcome.Duplicate,
        _ => VerbatimChangeOutcome.NotFound,
    };
}
