using CultureBot.Core.Conversations;
using CultureBot.Core.Quiz;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IQuizOverrideStore"/> on SQLite or PostgreSQL: the <c>quiz_question_overrides</c> table, one row per organization and question.</summary>
public sealed class SqlQuizOverrideStore(Database database) : IQuizOverrideStore
{
    public async Task<IReadOnlyDictionary<string, QuizOverride>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            "SELECT question_id AS QuestionId, hidden AS Hidden, explanation AS Explanation FROM quiz_question_overrides WHERE platform = @Platform AND tenant_id = @TenantId",
            new { organization.Platform, organization.TenantId },
            cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.QuestionId,
            r => new QuizOverride(r.QuestionId, Convert.ToBoolean(r.Hidden, System.Globalization.CultureInfo.InvariantCulture), r.Explanation),
            StringComparer.Ordinal);
    }

    public async Task SetAsync(OrganizationKey organization, QuizOverride change, DateTimeOffset at, string by, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(change);
        var parameters = new
        {
            organization.Platform,
            organization.TenantId,
            change.QuestionId,
            change.Hidden,
            Explanation = string.IsNullOrWhiteSpace(change.Explanation) ? null : change.Explanation,
            ChangedAt = database.Timestamp(at),
            ChangedBy = by,
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            change.IsEmpty
                ? "DELETE FROM quiz_question_overrides WHERE platform = @Platform AND tenant_id = @TenantId AND question_id = @QuestionId"
                : """
                  INSERT INTO quiz_question_overrides (platform, tenant_id, question_id, hidden, explanation, changed_at, changed_by)
                  VALUES (@Platform, @TenantId, @QuestionId, @Hidden, @Explanation, @ChangedAt, @ChangedBy)
                  ON CONFLICT (platform, tenant_id, question_id)
                  DO UPDATE SET hidden = excluded.hidden, explanation = excluded.explanation, changed_at = excluded.changed_at, changed_by = excluded.changed_by
                  """,
            parameters,
            cancellationToken: cancellationToken));
    }

    private sealed class Row
    {
        public string QuestionId { get; set; } = string.Empty;

        public object Hidden { get; set; } = false;

        public string? Explanation { get; set; }
    }
}
