using CultureBot.Core.Bot;
using CultureBot.Core.Committees;
using CultureBot.Core.Conversations;
using CultureBot.Core.Delivery;

namespace CultureBot.Data.Tests;

/// <summary>The committee tables on both databases: one committee per channel, reminders sent once, moves and cancellations, answers.</summary>
public class CommitteeStoreTests
{
    public static TheoryData<StorageProvider> Providers => new() { StorageProvider.Sqlite, StorageProvider.Postgres };

    private static readonly ConversationKey Channel = new(Platforms.Teams, "tenant-1", "19:panel@thread.tacv2");
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Committee NewCommittee() => new(
        0, "Customer panel", Channel, "29:owner", "Léa", Channel with { ConversationId = "user:29:owner" }, "fr", "Europe/Paris", 3, TimeSpan.FromMinutes(150), "Siège", Now);

    private static CommitteeMeeting NewMeeting(long committeeId, string token) => new(
        0, committeeId, new DateTime(2026, 4, 16, 18, 30, 0), new DateTimeOffset(2026, 4, 16, 16, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(150), null,
        MeetingStatus.Scheduled, 0, token + "@culturebot", token);

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Reminders_are_due_in_order_and_sent_once_and_a_move_does_not_resend_what_went_out(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlCommitteeStore(db.Database);

        var committee = await store.CreateAsync(NewCommittee(), CancellationToken.None);
        Assert.NotNull(committee);
        Assert.Null(await store.CreateAsync(NewCommittee() with { Name = "Another" }, CancellationToken.None));
        Assert.Equal(committee, await store.ForChannelAsync(Channel, CancellationToken.None));
        Assert.Equal(committee, await store.GetAsync(committee.Id, CancellationToken.None));

        var invite = new DateTimeOffset(2026, 4, 2, 7, 0, 0, TimeSpan.Zero);
        var questions = new DateTimeOffset(2026, 4, 9, 7, 0, 0, TimeSpan.Zero);
        var meeting = await store.AddMeetingAsync(
            NewMeeting(committee.Id, "0123456789abcdef0123456789abcdef"),
            [new(ReminderKind.Invite, 0, invite), new(ReminderKind.Questions, 0, questions)], CancellationToken.None);
        Assert.Equal(meeting, await store.MeetingAsync(meeting.Id, CancellationToken.None));
        Assert.Equal(meeting, await store.MeetingByTokenAsync("0123456789abcdef0123456789abcdef", CancellationToken.None));
        Assert.Equal(new DateTime(2026, 4, 16, 18, 30, 0), meeting.LocalStart);

        Assert.Empty(await store.DueAsync(invite.AddSeconds(-1), CancellationToken.None));
        var due = Assert.Single(await store.DueAsync(invite, CancellationToken.None));
        Assert.Equal((ReminderKind.Invite, meeting.Id, committee.Name), (due.Reminder.Kind, due.Meeting.Id, due.Committee.Name));

        var card = new OutboxMessage(Channel, BotMessage.FromText("come"), "committee");
        Assert.True(await store.CompleteAsync(due.Reminder.Id, [card], invite, CancellationToken.None));
        Assert.False(await store.CompleteAsync(due.Reminder.Id, [card], invite, CancellationToken.None));
        Assert.Equal(1, await new SqlWorkQueue(db.Database).CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));

        // Moved a week later: the invitation already went out and is not planned again; the questions move.
        var later = new DateTime(2026, 4, 23, 18, 30, 0);
        Assert.True(await store.RescheduleAsync(
            meeting.Id, later, new DateTimeOffset(2026, 4, 23, 16, 30, 0, TimeSpan.Zero),
            [new(ReminderKind.Invite, 0, invite.AddDays(7)), new(ReminderKind.Questions, 0, questions.AddDays(7))], CancellationToken.None));
        var moved = (await store.MeetingAsync(meeting.Id, CancellationToken.None))!;
        Assert.Equal((later, 1), (moved.LocalStart, moved.Sequence));
        var pending = Assert.Single(await store.PendingRemindersAsync(meeting.Id, CancellationToken.None));
        Assert.Equal((ReminderKind.Questions, questions.AddDays(7)), (pending.Kind, pending.DueAt));

        Assert.True(await store.CancelAsync(meeting.Id, CancellationToken.None));
        Assert.False(await store.CancelAsync(meeting.Id, CancellationToken.None));
        Assert.False(await store.RescheduleAsync(meeting.Id, later, moved.StartsAt, [], CancellationToken.None));
        Assert.Empty(await store.PendingRemindersAsync(meeting.Id, CancellationToken.None));
        Assert.Empty(await store.DueAsync(questions.AddDays(30), CancellationToken.None));
        Assert.Equal((MeetingStatus.Cancelled, 2), ((await store.MeetingAsync(meeting.Id, CancellationToken.None))!.Status, (await store.MeetingAsync(meeting.Id, CancellationToken.None))!.Sequence));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Answers_questions_minutes_settings_and_the_freshness_reminder_are_kept(StorageProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await db.Runner.MigrateAsync(CancellationToken.None);
        var store = new SqlCommitteeStore(db.Database);
        var committee = (await store.CreateAsync(NewCommittee(), CancellationToken.None))!;
        var meeting = await store.AddMeetingAsync(NewMeeting(committee.Id, "fedcba9876543210fedcba9876543210"), [], CancellationToken.None);

        await store.SetRsvpAsync(meeting.Id, new MeetingRsvp("29:a", "Nadia", true), Now, CancellationToken.None);
        await store.SetRsvpAsync(meeting.Id, new MeetingRsvp("29:b", "Tom", true), Now.AddMinutes(1), CancellationToken.None);
        await store.SetRsvpAsync(meeting.Id, new MeetingRsvp("29:b", "Tom", false), Now.AddMinutes(2), CancellationToken.None);
        Assert.Equal([new MeetingRsvp("29:a", "Nadia", true), new MeetingRsvp("29:b", "Tom", false)], await store.RsvpsAsync(meeting.Id, CancellationToken.None));

        Assert.Equal(1, await store.AddQuestionAsync(meeting.Id, "29:a", "Nadia", "Qu'est-ce qui vous ferait revenir ?", Now, CancellationToken.None));
        Assert.Equal(2, await store.AddQuestionAsync(meeting.Id, "29:b", "Tom", "Why did you leave?", Now, CancellationToken.None));
        Assert.Equal(["Qu'est-ce qui vous ferait revenir ?", "Why did you leave?"], await store.QuestionsAsync(meeting.Id, CancellationToken.None));

        await store.SetMinutesAsync(meeting.Id, "https://intranet.example.com/minutes", CancellationToken.None);
        Assert.Equal("https://intranet.example.com/minutes", (await store.MeetingAsync(meeting.Id, CancellationToken.None))!.Minutes);

        await store.SaveSettingsAsync(committee with { Place = "Lyon", CadenceMonths = 4, Length = TimeSpan.FromHours(3), TimeZone = "America/Montreal" }, CancellationToken.None);
        var saved = (await store.GetAsync(committee.Id, CancellationToken.None))!;
        Assert.Equal(("Lyon", 4, TimeSpan.FromHours(3), "America/Montreal"), (saved.Place, saved.CadenceMonths, saved.Length, saved.TimeZone));

        var note = new OutboxMessage(committee.OwnerChat, BotMessage.FromText("refresh"), "committee");
        Assert.True(await store.RemindFreshnessAsync(committee.Id, null, [note], Now, CancellationToken.None));
        Assert.False(await store.RemindFreshnessAsync(committee.Id, null, [note], Now, CancellationToken.None));
        Assert.Equal(Now, (await store.GetAsync(committee.Id, CancellationToken.None))!.FreshnessRemindedAt);
        Assert.True(await store.RemindFreshnessAsync(committee.Id, Now, [note], Now.AddDays(90), CancellationToken.None));
        Assert.Equal(2, await new SqlWorkQueue(db.Database).CountPendingAsync(OutboxMessage.QueueName, CancellationToken.None));
    }
}
