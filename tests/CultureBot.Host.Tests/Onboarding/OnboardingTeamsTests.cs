using System.Text.Json.Nodes;
using CultureBot.Core.Conversations;
using CultureBot.Core.Onboarding;
using CultureBot.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Onboarding;

/// <summary>Onboarding in Teams through the real pipeline: a member added to a team where it is on gets the first card in a one-to-one chat Teams opens for it.</summary>
public sealed class OnboardingTeamsTests : IDisposable
{
    private const string Team = "19:general@thread.tacv2";
    private readonly FakeConnector _connector = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero)); // a Monday
    private readonly BotHostFactory _host;

    public OnboardingTeamsTests() => _host = new BotHostFactory(services: services => services.AddSingleton<TimeProvider>(_clock));

    public void Dispose()
    {
        _host.Dispose();
        _connector.Dispose();
    }

    [Fact]
    public async Task A_member_added_to_a_team_where_onboarding_is_on_gets_the_first_card_in_a_new_one_to_one_chat()
    {
        var client = _host.CreateClient();
        var on = Activities.Message(_connector.ServiceUrl, "onboarding on", conversationId: Team);
        on["conversation"]!["conversationType"] = "channel";
        await Activities.PostAsync(client, on);
        var added = Activities.Base("conversationUpdate", _connector.ServiceUrl, Team, "en-US", new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:newbie", ["name"] = "Nadia" }),
        });
        added["conversation"]!["conversationType"] = "channel";
        await Activities.PostAsync(client, added);

        var store = _host.Services.GetRequiredService<IOnboardingStore>();
        var enrolment = (await store.GetAsync(new ConversationKey("msteams", Activities.Tenant, "29:newbie"), CancellationToken.None))!;
        Assert.Equal(("user:29:newbie", "Nadia"), (enrolment.DeliverTo.ConversationId, enrolment.Name));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), enrolment.NextDueAt); // 9:00 in the team's zone, unknown here: UTC
        await _host.Services.GetRequiredService<OnboardingScheduler>().SendDueAsync(_clock.GetUtcNow(), CancellationToken.None);

        for (var i = 0; i < 100 && !_connector.Calls.Any(c => c.Path.StartsWith("/_connector/v3/conversations/a:1on1-", StringComparison.Ordinal)); i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1)); // the outbox worker waits on the clock between rounds
            await Task.Delay(100);
        }

        Assert.True(_connector.Calls.Any(c => c.Path == "/_connector/v3/conversations"), string.Join(" | ", _connector.Calls.Select(c => $"{c.Method} {c.Path}"))
            + " failed=" + await _host.Services.GetRequiredService<Core.Queue.IWorkQueue>().CountFailedAsync(Core.Delivery.OutboxMessage.QueueName, CancellationToken.None)
            + " pending=" + await _host.Services.GetRequiredService<Core.Queue.IWorkQueue>().CountPendingAsync(Core.Delivery.OutboxMessage.QueueName, CancellationToken.None));
        var create = Assert.Single(_connector.Calls, c => c.Path == "/_connector/v3/conversations");
        Assert.Equal("29:newbie", create.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.Tenant, create.Body["tenantId"]!.GetValue<string>());
        var card = Assert.Single(_connector.Calls, c => c.Path.StartsWith("/_connector/v3/conversations/a:1on1-", StringComparison.Ordinal));
        Assert.Contains("Getting to know our customers · Day 1/8", card.Body!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }
}
