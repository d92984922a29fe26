using CultureBot.Content;
using CultureBot.Core.Audit;
using CultureBot.Core.Personas;
using CultureBot.Studio.Access;

namespace CultureBot.Studio.Personas;

/// <summary>
/// The studio's persona packs: read, edit a persona's fields, add or retire a persona, roll back, replace by upload.
/// Every change is checked here, on the server, whatever the page did: the person must be an owner, the pack is their
/// organization's (a shared default is copied into one of its own on the first change, never changed for the others),
/// the result must pass the same reader as <c>culturebot pack import</c>, and the pack must not have changed since
/// the editor opened it. Then it is stored as a new version, audited, and served to chat at once.
/// </summary>
public sealed class PackEditor(IPackStore store, PersonaDirectory directory, IServedPacks served, IAuditLog audit, TimeProvider clock)
{
    public const string CopiedFromDefault = "copied from the shared default pack";

    /// <summary>The packs <paramref name="user"/>'s organization sees, as chat serves them: its own, and the defaults in the languages it has none of.</summary>
    public IReadOnlyList<PersonaPack> Packs(StudioUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return directory.PacksFor(user.Organization);
    }

    /// <summary>The pack <paramref name="slug"/> as the organization sees it; null when it sees none of that slug.</summary>
    public async Task<EditablePack?> OpenAsync(StudioUser user, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await store.FindAsync(user.Organization, slug, cancellationToken) is { } own)
        {
            return Editable(own, own.Revision, isShared: false);
        }

        // A default pack only as the organization sees it: not one hidden by its own pack in that language.
        return Packs(user).Any(p => p.Owner is null && p.Slug == slug) && await store.FindAsync(null, slug, cancellationToken) is { } shared
            ? Editable(shared, 0, isShared: true)
            : null;
    }

    /// <summary>The versions of the organization's own pack, newest first (none while it uses the shared default).</summary>
    public async Task<IReadOnlyList<PackVersion>> HistoryAsync(StudioUser user, string slug, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        return await store.VersionsAsync(user.Organization, slug, cancellationToken);
    }

    /// <summary>Sets the persona's fields (field key → text as <see cref="PackDocument.Write"/> reads it); fields left out stay as they are.</summary>
    public Task<PackEditResult> EditPersonaAsync(StudioUser user, string slug, int openedRevision, string personaId, IReadOnlyDictionary<string, string?> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return ChangeAsync(user, slug, openedRevision, "persona.edit", $"{slug}/{personaId}", document =>
        {
            if (!document.HasPersona(personaId))
            {
                return false;
            }

            foreach (var (key, text) in fields)
            {
                document.Write(personaId, PersonaField.Of(key) ?? throw new ArgumentException($"'{key}' is not an editable persona field", nameof(fields)), text);
            }

            return true;
        }, cancellationToken);
    }

    public Task<PackEditResult> AddPersonaAsync(StudioUser user, string slug, int openedRevision, string id, string name, CancellationToken cancellationToken) =>
        ChangeAsync(user, slug, openedRevision, "persona.add", $"{slug}/{id}", document =>
        {
            document.AddPersona(id, name);
            return true;
        }, cancellationToken);

    /// <summary>Takes the persona out of the current pack; its versions keep it, and a rollback brings it back.</summary>
    public Task<PackEditResult> RetirePersonaAsync(StudioUser user, string slug, int openedRevision, string id, CancellationToken cancellationToken) =>
        ChangeAsync(user, slug, openedRevision, "persona.retire", $"{slug}/{id}", document => document.RetirePersona(id), cancellationToken);

    /// <summary>Stores the text of version <paramref name="number"/> as a new version: history is never rewritten.</summary>
    public async Task<PackEditResult> RollBackAsync(StudioUser user, string slug, int openedRevision, int number, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        if (await store.VersionContentAsync(user.Organization, slug, number, cancellationToken) is not { } content)
        {
            return new PackEditResult(PackEditOutcome.NotFound);
        }

        if (await OpenAsync(user, slug, cancellationToken) is not { } current)
        {
            return new PackEditResult(PackEditOutcome.NotFound);
        }

        return current.Revision != openedRevision
            ? await ConflictAsync(user, current.Slug, cancellationToken)
            : await StoreAsync(user, current, content, current.Stored.SourceFile, "pack.rollback", slug, $"rolled back to version {number}: ", cancellationToken);
    }

    /// <summary>What storing an uploaded pack would do: every problem with its line, or what it changes. Stores nothing.</summary>
    public async Task<PackUploadPreview> PreviewAsync(StudioUser user, string yaml, string fileName, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        PackReader.Result read;
        try
        {
            read = PackReader.Parse(yaml, fileName);
        }
        catch (PackFormatException e)
        {
            return new PackUploadPreview(e.Problems.Count > 0 ? e.Problems : [e.Message], [], null, false, 0, string.Empty);
        }

        var current = await OpenAsync(user, read.Pack.Slug, cancellationToken);
        var problems = served.Check(read.Pack with { Owner = user.Organization });
        var summary = current is null ? "new pack" : PackChanges.Summarize(current.Document(), PackDocument.Load(yaml));
        return new PackUploadPreview(problems, read.Warnings, read.Pack.Slug, current is null, current?.Revision ?? 0, summary);
    }

    /// <summary>Stores an uploaded pack as the new version of the organization's pack of its slug (or as a new pack of its own).</summary>
    public async Task<PackEditResult> ReplaceAsync(StudioUser user, string yaml, string fileName, int openedRevision, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        string slug;
        try
        {
            slug = PackReader.Parse(yaml, fileName).Pack.Slug;
        }
        catch (PackFormatException e)
        {
            return new PackEditResult(PackEditOutcome.Invalid) { Problems = e.Problems };
        }

        var current = await OpenAsync(user, slug, cancellationToken);
        if ((current?.Revision ?? 0) != openedRevision)
        {
            return await ConflictAsync(user, slug, cancellationToken);
        }

        return current is null
            ? await StoreNewAsync(user, yaml, fileName, cancellationToken)
            : await StoreAsync(user, current, yaml, fileName, "pack.replace", slug, "uploaded: ", cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> (false: what it names is not in the pack) to the pack as stored now, then stores it.</summary>
    private async Task<PackEditResult> ChangeAsync(StudioUser user, string slug, int openedRevision, string action, string target, Func<PackDocument, bool> change, CancellationToken cancellationToken)
    {
        user.RequireOwner();
        if (await OpenAsync(user, slug, cancellationToken) is not { } current)
        {
            return new PackEditResult(PackEditOutcome.NotFound);
        }

        if (current.Revision != openedRevision)
        {
            return await ConflictAsync(user, current.Slug, cancellationToken);
        }

        var document = current.Document();
        return change(document)
            ? await StoreAsync(user, current, document.ToYaml(), current.Stored.SourceFile, action, target, string.Empty, cancellationToken)
            : new PackEditResult(PackEditOutcome.NotFound);
    }

    private async Task<PackEditResult> StoreAsync(StudioUser user, EditablePack current, string yaml, string sourceFile, string action, string target, string summaryPrefix, CancellationToken cancellationToken)
    {
        if (Validate(user, yaml, $"{current.Slug}.yaml") is { } invalid)
        {
            return invalid;
        }

        var summary = PackChanges.Summarize(current.Document(), PackDocument.Load(yaml));
        if (summary == PackChanges.Nothing)
        {
            return new PackEditResult(PackEditOutcome.Unchanged) { Revision = current.Revision, Summary = summary };
        }

        var at = clock.GetUtcNow();
        int? revision = current.Revision;
        if (current.IsShared)
        {
            // The shared default as it was becomes the organization's first version, so a rollback can return to it.
            revision = await store.SaveRevisionAsync(Owned(user, current.Stored.Content, current.Stored, at), 0, new PackChangeNote(user.Name, at, CopiedFromDefault), cancellationToken);
        }

        summary = summaryPrefix + summary;
        var saved = revision is { } opened
            ? await store.SaveRevisionAsync(Owned(user, yaml, current.Stored with { SourceFile = sourceFile }, at), opened, new PackChangeNote(user.Name, at, summary), cancellationToken)
            : null;
        return saved is { } stored
            ? await SavedAsync(user, at, action, target, summary, stored, cancellationToken)
            : await ConflictAsync(user, current.Slug, cancellationToken);
    }

    private async Task<PackEditResult> StoreNewAsync(StudioUser user, string yaml, string fileName, CancellationToken cancellationToken)
    {
        var read = PackReader.Parse(yaml, fileName).Pack;
        if (Validate(user, yaml, fileName) is { } invalid)
        {
            return invalid;
        }

        var at = clock.GetUtcNow();
        var stored = new StoredPack(read.Slug, read.Organization, read.Language, string.Empty, fileName, yaml, at);
        return await store.SaveRevisionAsync(Owned(user, yaml, stored, at), 0, new PackChangeNote(user.Name, at, "uploaded: new pack"), cancellationToken) is { } revision
            ? await SavedAsync(user, at, "pack.replace", read.Slug, "uploaded: new pack", revision, cancellationToken)
            : await ConflictAsync(user, read.Slug, cancellationToken);
    }

    private async Task<PackEditResult> SavedAsync(StudioUser user, DateTimeOffset at, string action, string target, string summary, int revision, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(new AuditEntry(user.Organization, at, user.Name, action, target, summary), cancellationToken);
        await served.ReloadAsync(cancellationToken);
        return new PackEditResult(PackEditOutcome.Saved) { Revision = revision, Summary = summary };
    }

    /// <summary>The problems that stop <paramref name="yaml"/> being served (the import's reader, then the host's own checks); null when none.</summary>
    private PackEditResult? Validate(StudioUser user, string yaml, string fileName)
    {
        try
        {
            var problems = served.Check(PackReader.Parse(yaml, fileName).Pack with { Owner = user.Organization });
            return problems.Count == 0 ? null : new PackEditResult(PackEditOutcome.Invalid) { Problems = problems };
        }
        catch (PackFormatException e)
        {
            return new PackEditResult(PackEditOutcome.Invalid) { Problems = e.Problems };
        }
    }

    /// <summary>"Changed since you opened it": what is there now, and who stored it when.</summary>
    private async Task<PackEditResult> ConflictAsync(StudioUser user, string slug, CancellationToken cancellationToken)
    {
        var current = await OpenAsync(user, slug, cancellationToken);
        var versions = await store.VersionsAsync(user.Organization, slug, cancellationToken);
        var latest = versions.Count > 0 ? versions[0] : null;
        return new PackEditResult(PackEditOutcome.Conflict) { Current = current, Latest = latest, Revision = current?.Revision ?? 0 };
    }

    private static StoredPack Owned(StudioUser user, string yaml, StoredPack basis, DateTimeOffset at)
    {
        var read = PackReader.Parse(yaml, basis.SourceFile).Pack;
        return basis with
        {
            Organization = read.Organization,
            Language = read.Language,
            Version = PackImporter.VersionOf(yaml),
            Content = yaml,
            ImportedAt = at,
            Owner = user.Organization,
        };
    }

    private static EditablePack Editable(StoredPack stored, int revision, bool isShared) =>
        new(stored, revision, isShared, PackReader.Parse(stored.Content, stored.SourceFile).Pack with { Owner = stored.Owner });

    /// <summary>The server's own check: a viewer's session, or a page that forgot to hide a button, cannot write.</summary>
}
