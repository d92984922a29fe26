using System.Globalization;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;
using Dapper;

namespace CultureBot.Data;

/// <summary>
/// <see cref="ICommitteeStore"/> on SQLite or PostgreSQL. A meeting's local start is stored as ISO text without an
/// offset (the wall-clock time people agreed on); the owner's chat is a conversation id in the channel's platform and tenant.
/// </summary>
public sealed class SqlCommitteeStore(Database database) : ICommitteeStore
{
    private const string CommitteeColumns = """
        c.id AS Id, c.name AS Name, c.platform AS Platform, c.tenant_id AS TenantId, c.channel_id AS ChannelId, c.owner_id AS OwnerId,
        c.owner_name AS OwnerName, c.owner_chat AS OwnerChat, c.language AS Language, c.time_zone AS TimeZone, c.cadence_months AS CadenceMonths,
        c.length_minutes AS LengthMinutes, c.place AS Place, c.created_at AS CreatedAt, c.freshness_reminded_at AS FreshnessRemindedAt
        """;

    private const string MeetingColumns = """
        m.id AS Id, m.committee_id AS CommitteeId, m.local_start AS LocalStart, m.starts_at AS StartsAt, m.length_minutes AS LengthMinutes,
        m.place AS Place, m.status AS Status, m.sequence AS Sequence, m.uid AS Uid, m.ics_token AS IcsToken, m.minutes AS Minutes
        """;

    private const string LocalFormat = "yyyy-MM-dd'T'HH:mm:ss";

    public async Task<Committee?> CreateAsync(Committee committee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committee);
        const string sql = """
            INSERT INTO committees (name, platform, tenant_id, channel_id, owner_id, owner_name, owner_chat, language, time_zone, cadence_months, length_minutes, place, created_at)
            VALUES (@Name, @Platform, @TenantId, @ChannelId, @OwnerId, @OwnerName, @OwnerChat, @Language, @TimeZone, @CadenceMonths, @LengthMinutes, @Place, @CreatedAt)
            ON CONFLICT (platform, tenant_id, channel_id) DO NOTHING
            RETURNING id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(sql, new
        {
            committee.Name,
            committee.Channel.Platform,
            committee.Channel.TenantId,
            ChannelId = committee.Channel.ConversationId,
            committee.OwnerId,
            committee.OwnerName,
            OwnerChat = committee.OwnerChat.ConversationId,
            committee.Language,
            committee.TimeZone,
            committee.CadenceMonths,
            LengthMinutes = (int)committee.Length.TotalMinutes,
            committee.Place,
            CreatedAt = database.Timestamp(committee.CreatedAt),
        }, cancellationToken: cancellationToken));
        return id is { } created ? committee with { Id = created } : null;
    }

    public async Task SaveSettingsAsync(Committee committee, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(committee);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE committees SET name = @Name, time_zone = @TimeZone, cadence_months = @CadenceMonths, length_minutes = @LengthMinutes, place = @Place WHERE id = @Id",
            new { committee.Id, committee.Name, committee.TimeZone, committee.CadenceMonths, LengthMinutes = (int)committee.Length.TotalMinutes, committee.Place },
            cancellationToken: cancellationToken));
    }

    public async Task<Committee?> GetAsync(long committeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CommitteeRow>(new CommandDefinition(
            $"SELECT {CommitteeColumns} FROM committees c WHERE c.id = @Id", new { Id = committeeId }, cancellationToken: cancellationToken));
        return row?.ToCommittee();
    }

    public async Task<Committee?> ForChannelAsync(ConversationKey channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CommitteeRow>(new CommandDefinition(
            $"SELECT {CommitteeColumns} FROM committees c WHERE c.platform = @Platform AND c.tenant_id = @TenantId AND c.channel_id = @ConversationId",
            new { channel.Platform, channel.TenantId, channel.ConversationId }, cancellationToken: cancellationToken));
        return row?.ToCommittee();
    }

    public async Task<IReadOnlyList<Committee>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CommitteeRow>(new CommandDefinition($"SELECT {CommitteeColumns} FROM committees c ORDER BY c.id", cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCommittee())];
    }

    public async Task<IReadOnlyList<Committee>> ListAsync(OrganizationKey organization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organization);
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CommitteeRow>(new CommandDefinition(
            $"SELECT {CommitteeColumns} FROM committees c WHERE c.platform = @Platform AND c.tenant_id = @TenantId ORDER BY c.id",
            new { organization.Platform, organization.TenantId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToCommittee())];
    }

    public async Task<CommitteeMeeting> AddMeetingAsync(CommitteeMeeting meeting, IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(reminders);
        const string sql = """
            INSERT INTO committee_meetings (committee_id, local_start, starts_at, length_minutes, place, status, sequence, uid, ics_token)
            VALUES (@CommitteeId, @LocalStart, @StartsAt, @LengthMinutes, @Place, 'scheduled', @Sequence, @Uid, @IcsToken)
            RETURNING id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition(sql, new
        {
            meeting.CommitteeId,
            LocalStart = meeting.LocalStart.ToString(LocalFormat, CultureInfo.InvariantCulture),
            StartsAt = database.Timestamp(meeting.StartsAt),
            LengthMinutes = (int)meeting.Length.TotalMinutes,
            meeting.Place,
            meeting.Sequence,
            meeting.Uid,
            meeting.IcsToken,
        }, transaction, cancellationToken: cancellationToken));
        await InsertRemindersAsync(connection, transaction, id, reminders, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return meeting with { Id = id };
    }

    public async Task<IReadOnlyList<CommitteeMeeting>> MeetingsAsync(long committeeId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<MeetingRow>(new CommandDefinition(
            $"SELECT {MeetingColumns} FROM committee_meetings m WHERE m.committee_id = @CommitteeId ORDER BY m.starts_at, m.id",
            new { CommitteeId = committeeId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToMeeting())];
    }

    public Task<CommitteeMeeting?> MeetingAsync(long meetingId, CancellationToken cancellationToken) =>
        OneMeetingAsync("m.id = @Key", meetingId, cancellationToken);

    public Task<CommitteeMeeting?> MeetingByTokenAsync(string icsToken, CancellationToken cancellationToken) =>
        OneMeetingAsync("m.ics_token = @Key", icsToken, cancellationToken);

    private async Task<CommitteeMeeting?> OneMeetingAsync(string where, object key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<MeetingRow>(new CommandDefinition(
            $"SELECT {MeetingColumns} FROM committee_meetings m WHERE {where}", new { Key = key }, cancellationToken: cancellationToken));
        return row?.ToMeeting();
    }

    public async Task<IReadOnlyList<CommitteeReminder>> PendingRemindersAsync(long meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReminderRow>(new CommandDefinition(
            "SELECT id AS Id, meeting_id AS MeetingId, kind AS Kind, idx AS Idx, due_at AS DueAt FROM committee_reminders WHERE meeting_id = @MeetingId AND sent_at IS NULL ORDER BY due_at, id",
            new { MeetingId = meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToReminder())];
    }

    public async Task<bool> RescheduleAsync(long meetingId, DateTime localStart, DateTimeOffset startsAt, IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminders);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var moved = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE committee_meetings SET local_start = @LocalStart, starts_at = @StartsAt, sequence = sequence + 1 WHERE id = @Id AND status = 'scheduled'",
            new { Id = meetingId, LocalStart = localStart.ToString(LocalFormat, CultureInfo.InvariantCulture), StartsAt = database.Timestamp(startsAt) },
            transaction, cancellationToken: cancellationToken));
        if (moved == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM committee_reminders WHERE meeting_id = @Id AND sent_at IS NULL", new { Id = meetingId }, transaction, cancellationToken: cancellationToken));
        // A kind already sent keeps its row (sent), so the insert of that kind is skipped: nobody is invited twice.
        await InsertRemindersAsync(connection, transaction, meetingId, reminders, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> CancelAsync(long meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var cancelled = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE committee_meetings SET status = 'cancelled', sequence = sequence + 1 WHERE id = @Id AND status = 'scheduled'",
            new { Id = meetingId }, transaction, cancellationToken: cancellationToken));
        if (cancelled == 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM committee_reminders WHERE meeting_id = @Id AND sent_at IS NULL", new { Id = meetingId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<DueReminder>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT r.id AS Id, r.meeting_id AS MeetingId, r.kind AS Kind, r.idx AS Idx, r.due_at AS DueAt, {MeetingColumns}, {CommitteeColumns}
            FROM committee_reminders r
            JOIN committee_meetings m ON m.id = r.meeting_id
            JOIN committees c ON c.id = m.committee_id
            WHERE r.sent_at IS NULL AND r.due_at <= @Now AND m.status = 'scheduled'
            ORDER BY r.due_at, r.id
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ReminderRow, MeetingRow, CommitteeRow, DueReminder>(
            new CommandDefinition(sql, new { Now = database.Timestamp(now) }, cancellationToken: cancellationToken),
            (reminder, meeting, committee) => new DueReminder(reminder.ToReminder(), meeting.ToMeeting(), committee.ToCommittee()),
            splitOn: "Id,Id");
        return [.. rows];
    }

    public Task<bool> CompleteAsync(long reminderId, IReadOnlyList<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken) =>
        SqlWorkQueue.DecideAndEnqueueAsync(
            database, "UPDATE committee_reminders SET sent_at = @Now WHERE id = @Id AND sent_at IS NULL",
            new { Id = reminderId, Now = database.Timestamp(now) }, messages, now, cancellationToken);

    public async Task SetRsvpAsync(long meetingId, MeetingRsvp rsvp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rsvp);
        const string sql = """
            INSERT INTO committee_rsvps (meeting_id, user_id, user_name, attending, answered_at) VALUES (@MeetingId, @UserId, @Name, @Attending, @At)
            ON CONFLICT (meeting_id, user_id) DO UPDATE SET user_name = excluded.user_name, attending = excluded.attending, answered_at = excluded.answered_at
            """;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(sql, new { MeetingId = meetingId, rsvp.UserId, rsvp.Name, rsvp.Attending, At = database.Timestamp(now) }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<MeetingRsvp>> RsvpsAsync(long meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string UserId, string? Name, bool Attending)>(new CommandDefinition(
            "SELECT user_id, user_name, attending FROM committee_rsvps WHERE meeting_id = @MeetingId ORDER BY answered_at, user_id",
            new { MeetingId = meetingId }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new MeetingRsvp(r.UserId, r.Name, r.Attending))];
    }

    public async Task<int> AddQuestionAsync(long meetingId, string userId, string? name, string text, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO committee_questions (meeting_id, user_id, user_name, text, asked_at) VALUES (@MeetingId, @UserId, @Name, @Text, @At)",
            new { MeetingId = meetingId, UserId = userId, Name = name, Text = text, At = database.Timestamp(now) }, transaction, cancellationToken: cancellationToken));
        var count = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM committee_questions WHERE meeting_id = @MeetingId", new { MeetingId = meetingId }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return (int)count;
    }

    public async Task<IReadOnlyList<string>> QuestionsAsync(long meetingId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT text FROM committee_questions WHERE meeting_id = @MeetingId ORDER BY id", new { MeetingId = meetingId }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task SetMinutesAsync(long meetingId, string minutes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE committee_meetings SET minutes = @Minutes WHERE id = @Id", new { Id = meetingId, Minutes = minutes }, cancellationToken: cancellationToken));
    }

    public Task<bool> RemindFreshnessAsync(long committeeId, DateTimeOffset? previous, IReadOnlyList<OutboxMessage> messages, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var condition = previous is null ? "freshness_reminded_at IS NULL" : "freshness_reminded_at = @Previous";
        return SqlWorkQueue.DecideAndEnqueueAsync(
            database, $"UPDATE committees SET freshness_reminded_at = @Now WHERE id = @Id AND {condition}",
            new { Id = committeeId, Now = database.Timestamp(now), Previous = previous is { } p ? database.Timestamp(p) : null }, messages, now, cancellationToken);
    }

    private async Task InsertRemindersAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, long meetingId, IReadOnlyList<PlannedReminder> reminders, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO committee_reminders (meeting_id, kind, idx, due_at) VALUES (@MeetingId, @Kind, @Index, @DueAt)
            ON CONFLICT (meeting_id, kind, idx) DO NOTHING
            """;
        foreach (var reminder in reminders)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, new
            {
                MeetingId = meetingId,
                Kind = reminder.Kind.ToString().ToLowerInvariant(),
                reminder.Index,
                DueAt = database.Timestamp(reminder.DueAt),
            }, transaction, cancellationToken: cancellationToken));
        }
    }

    private sealed class CommitteeRow
    {
        public long Id { get; set; }

        public string Name { get; set; } = string.Empty;

        public string Platform { get; set; } = string.Empty;

        public string TenantId { get; set; } = string.Empty;

        public string ChannelId { get; set; } = string.Empty;

        public string OwnerId { get; set; } = string.Empty;

        public string? OwnerName { get; set; }

        public string OwnerChat { get; set; } = string.Empty;

        public string Language { get; set; } = "en";

        public string TimeZone { get; set; } = "UTC";

        public long CadenceMonths { get; set; }

        public long LengthMinutes { get; set; }

        public string? Place { get; set; }

        public object CreatedAt { get; set; } = string.Empty;

        public object? FreshnessRemindedAt { get; set; }

        public Committee ToCommittee() => new(
            Id, Name, new ConversationKey(Platform, TenantId, ChannelId), OwnerId, OwnerName, new ConversationKey(Platform, TenantId, OwnerChat), Language, TimeZone,
            (int)CadenceMonths, TimeSpan.FromMinutes(LengthMinutes), Place, Timestamps.Parse(CreatedAt),
            FreshnessRemindedAt is null ? null : Timestamps.Parse(FreshnessRemindedAt));
    }

    private sealed class MeetingRow
    {
        public long Id { get; set; }

        public long CommitteeId { get; set; }

        public string LocalStart { get; set; } = string.Empty;

        public object StartsAt { get; set; } = string.Empty;

        public long LengthMinutes { get; set; }

        public string? Place { get; set; }

        public string Status { get; set; } = "scheduled";

        public long Sequence { get; set; }

        public string Uid { get; set; } = string.Empty;

        public string IcsToken { get; set; } = string.Empty;

        public string? Minutes { get; set; }

        public CommitteeMeeting ToMeeting() => new(
            Id, CommitteeId, DateTime.ParseExact(LocalStart, LocalFormat, CultureInfo.InvariantCulture), Timestamps.Parse(StartsAt), TimeSpan.FromMinutes(LengthMinutes),
            Place, Enum.Parse<MeetingStatus>(Status, ignoreCase: true), (int)Sequence, Uid, IcsToken, Minutes);
    }

    private sealed class ReminderRow
    {
        public long Id { get; set; }

        public long MeetingId { get; set; }

        public string Kind { get; set; } = string.Empty;

        public long Idx { get; set; }

        public object DueAt { get; set; } = string.Empty;

        public CommitteeReminder ToReminder() => new(Id, MeetingId, Enum.Parse<ReminderKind>(Kind, ignoreCase: true), (int)Idx, Timestamps.Parse(DueAt));
    }
}
