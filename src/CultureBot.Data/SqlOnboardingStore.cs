using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using CultureBot.Core.Onboarding;
using Dapper;

namespace CultureBot.Data;

/// <summary><see cref="IOnboardingStore"/> on SQLite or PostgreSQL. Delivery and report conversations are stored as their conversation ids within the person's platform and tenant.</summary>
public sealed class SqlOnboardingStore(Database database) : IOnboardingStore
{
    private const string Columns = """
        platform AS Platform, tenant_id AS TenantId, user_id AS UserId, user_name AS UserName, deliver_to AS DeliverTo, pack_slug AS PackSlug,
        language AS Language, time_zone AS TimeZone, next_step AS NextStep, next_due_at AS NextDueAt, status AS Status,
        enrolled_by AS EnrolledBy, report_to AS ReportTo, enrolled_at AS EnrolledAt
        """;

    public async Task SetChannelAsync(ConversationKey conversation, bool enabled, string? by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var sql = enabled
            ? """
              INSERT INTO onboarding_channels (platform, tenant_id, conversation_id, enabled_by, enabled_at) VALUES (@Platform, @TenantId, @ConversationId, @By, @At)
              ON CONFLICT (platform, tenant_id, conversation_id) DO NOTHING
              """
            : "DELETE FROM onboarding_channels WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId";
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { conversation.Platform, conversation.TenantId, conversation.ConversationId, By = by, At = database.Timestamp(at) }, cancellationToken: cancellationToken));
    }

    public async Task<bool> IsChannelOnAsync(ConversationKey conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM onboarding_channels WHERE platform = @Platform AND tenant_id = @TenantId AND conversation_id = @ConversationId",
            new { conversation.Platform, conversation.TenantId, conversation.ConversationId }, cancellationToken: cancellationToken)) > 0;
    }

    public async Task<bool> EnrolAsync(Enrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        const string sql = """
            INSERT INTO onboarding_enrolments (platform, tenant_id, user_id, user_name, deliver_to, pack_slug, language, time_zone, next_step, next_due_at, status, enrolled_by, report_to, enrolled_at)
            VALUES (@Platform, @TenantId, @UserId, @UserName, @DeliverTo, @PackSlug, @Language, @TimeZone, @NextStep, @NextDueAt, @Status, @EnrolledBy, @ReportTo, @EnrolledAt)
            ON CONFLICT (platform, tenant_id, user_id) DO NOTHING
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            enrolment.Person.Platform,
            enrolment.Person.TenantId,
            UserId = enrolment.Person.ConversationId,
            UserName = enrolment.Name,
            DeliverTo = enrolment.DeliverTo.ConversationId,
            enrolment.PackSlug,
            enrolment.Language,
            enrolment.TimeZone,
            enrolment.NextStep,
            NextDueAt = database.Timestamp(enrolment.NextDueAt),
            Status = enrolment.Status.ToString().ToLowerInvariant(),
            enrolment.EnrolledBy,
            ReportTo = enrolment.ReportTo?.ConversationId,
            EnrolledAt = database.Timestamp(enrolment.EnrolledAt),
        }, cancellationToken: cancellationToken)) == 1;
    }

    public async Task<Enrolment?> GetAsync(ConversationKey person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM onboarding_enrolments WHERE platform = @Platform AND tenant_id = @TenantId AND user_id = @UserId",
            new { person.Platform, person.TenantId, UserId = person.ConversationId }, cancellationToken: cancellationToken));
        return row?.ToEnrolment();
    }

    public async Task<IReadOnlyList<Enrolment>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM onboarding_enrolments WHERE platform = @Platform AND tenant_id = @TenantId ORDER BY enrolled_at DESC, user_id",
            new { organization.Platform, organization.TenantId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEnrolment())];
    }

    public async Task<IReadOnlyList<Enrolment>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM onboarding_enrolments WHERE status = 'active' AND next_due_at <= @Now ORDER BY next_due_at",
            new { Now = database.Timestamp(now) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToEnrolment())];
    }

    public async Task<bool> AdvanceAsync(ConversationKey person, int step, DateTimeOffset nextDueAt, bool completed, IReadOnlyList<OutboxMessage> messages, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(messages);
        const string sql = """
            UPDATE onboarding_enrolments
            SET next_step = next_step + 1, next_due_at = @NextDueAt,
                status = CASE WHEN @Completed THEN 'completed' ELSE status END,
                completed_at = CASE WHEN @Completed THEN @At ELSE completed_at END
            WHERE platform = @Platform AND tenant_id = @TenantId AND user_id = @UserId AND next_step = @Step AND status = 'active'
            """;
        return await SqlWorkQueue.DecideAndEnqueueAsync(database, sql, new
        {
            NextDueAt = database.Timestamp(nextDueAt),
            Completed = completed,
            At = database.Timestamp(at),
            person.Platform,
            person.TenantId,
            UserId = person.ConversationId,
            Step = step,
        }, messages, at, cancellationToken);
    }

    public async Task<bool> SetStatusAsync(ConversationKey person, EnrolmentStatus status, DateTimeOffset? nextDueAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        const string Person = "platform = @Platform AND tenant_id = @TenantId AND user_id = @UserId";
        var sql = status switch
        {
            EnrolmentStatus.Paused => $"UPDATE onboarding_enrolments SET status = 'paused' WHERE {Person} AND status = 'active'",
            EnrolmentStatus.Active => $"UPDATE onboarding_enrolments SET status = 'active', next_due_at = COALESCE(@NextDueAt, next_due_at) WHERE {Person} AND status = 'paused'",
            _ => $"UPDATE onboarding_enrolments SET status = 'stopped' WHERE {Person} AND status IN ('active', 'paused')",
        };
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, new
        {
            person.Platform,
            person.TenantId,
            UserId = person.ConversationId,
            NextDueAt = nextDueAt is { } next ? database.Timestamp(next) : null,
        }, cancellationToken: cancellationToken)) == 1;
    }

    private sealed class Row
    {
        public string Platform { get; set; } = string.Empty;

        public string TenantId { get; set; } = string.Empty;

        public string UserId { get; set; } = string.Empty;

        public string? UserName { get; set; }

        public string DeliverTo { get; set; } = string.Empty;

        public string PackSlug { get; set; } = string.Empty;

        public string Language { get; set; } = "en";

        public string TimeZone { get; set; } = "UTC";

        public long NextStep { get; set; }

        public object NextDueAt { get; set; } = string.Empty;

        public string Status { get; set; } = "active";

        public string? EnrolledBy { get; set; }

        public string? ReportTo { get; set; }

        public object EnrolledAt { get; set; } = string.Empty;

        public Enrolment ToEnrolment() => new(
            new ConversationKey(Platform, TenantId, UserId), UserName, new ConversationKey(Platform, TenantId, DeliverTo), PackSlug, Language, TimeZone,
            (int)NextStep, Timestamps.Parse(NextDueAt), Enum.Parse<EnrolmentStatus>(Status, ignoreCase: true), EnrolledBy,
            ReportTo is null ? null : new ConversationKey(Platform, TenantId, ReportTo), Timestamps.Parse(EnrolledAt));
    }
}
