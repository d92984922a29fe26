using CultureBot.Core.Committees;

namespace CultureBot.Host.Committees;

internal static class CommitteeEndpoints
{
    /// <summary>
    /// <c>GET /committees/invitations/{token}.ics</c>: a meeting's calendar invitation, current (a moved meeting
    /// has its new time and a higher SEQUENCE; a cancelled one is marked so). The token is the meeting's
    /// unguessable key: whoever has the card has the link, nobody can list meetings.
    /// </summary>
    public static void MapCommitteeEndpoints(this WebApplication app) =>
        app.MapGet("/committees/invitations/{token}.ics", async (string token, ICommitteeStore store, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            if (token.Length != 32 || !token.All(char.IsAsciiHexDigitLower)
                || await store.MeetingByTokenAsync(token, cancellationToken) is not { } meeting
                || await store.GetAsync(meeting.CommitteeId, cancellationToken) is not { } committee)
            {
                return Results.NotFound();
            }

            var ics = MeetingInvitation.Write(committee, meeting, null, clock.GetUtcNow());
            return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), MeetingInvitation.MediaType, $"committee-{meeting.Id}.ics");
        });
}
