using CultureBot.Core.Verbatims;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IVerbatimStore"/> on SQLite or PostgreSQL; duplicates fall on the unique fingerprint (insert-or-ignore).</summary>
public sealed class SqlVerbatimStore : IVerbatimStore
{
    private readonly Database _database;

    public SqlVerbatimStore(Database database) => _database = database;

    public async Task<int> AddAsync(IReadOnlyList<Verbatim> verbatims, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(verbatims);
        const string sql = """
            INSERT INTO verbatims (fingerprint, text, persona_id, kind, stage, source, said_on, dated, channel, language, added_at)
            VALUES (@Fingerprint, @Text, @PersonaId, @Kind, @Stage, @Source, @SaidOn, @Dated, @Channel, @Language, @AddedAt)
            ON CONFLICT (fingerprint) DO NOTHING
            """;
        var today = DateOnly.FromDateTime(at.UtcDateTime);
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = 0;
        foreach (var verbatim in verbatims)
        {
            added += await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                verbatim.Fingerprint,
                verbatim.Text,
                verbatim.PersonaId,
                Kind = verbatim.Kind?.ToString(),
                verbatim.Stage,
                Source = verbatim.Source?.ToString(),
                SaidOn = _database.Date(verbatim.Date ?? today),
                Dated = verbatim.Date is not null,
                verbatim.Channel,
                verbatim.Language,
                AddedAt = _database.Timestamp(at),
            }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<IReadOnlyList<Verbatim>> ListAsync(string language, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT id AS Id, text AS Text, persona_id AS PersonaId, kind AS Kind, stage AS Stage, source AS Source,
                   said_on AS SaidOn, dated AS Dated, channel AS Channel, language AS Language
            FROM verbatims
            WHERE language = @Language AND said_on >= @From AND said_on <= @To
            ORDER BY said_on, id
            """;
        await using var connection = await _database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { Language = language, From = _database.Date(from), To = _database.Date(to) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new Verbatim
        {
            Id = r.Id,
            Text = r.Text,
            PersonaId = r.PersonaId,
            Kind = Enum.TryParse<VerbatimKind>(r.Kind, out var kind) ? kind : null,
            Stage = r.Stage,
            Source = Enum.TryParse<VerbatimSource>(r.Source, out var source) ? source : null,
            Date = Convert.ToBoolean(r.Dated, System.Globalization.CultureInfo.InvariantCulture) ? Database.ReadDate(r.SaidOn) : null,
            Channel = r.Channel,
            Language = r.Language,
        })];
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT COUNT(*) FROM verbatims", cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public string Text { get; set; } = string.Empty;

        public string? PersonaId { get; set; }

        public string? Kind { get; set; }

        public string? Stage { get; set; }

        public string? Source { get; set; }

        public object SaidOn { get; set; } = string.Empty;

        public object Dated { get; set; } = false;

        public string? Channel { get; set; }

        public string Language { get; set; } = "en";
    }
}
