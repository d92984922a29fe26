using CultureBot.Core.Queue;
using CultureBot.Teams.Inbound;
using Microsoft.Extensions.DependencyInjection;

namespace CultureBot.Host.Tests.Support;

/// <summary>
/// The Bot Connector gets its 200 as soon as an activity is stored; the turn runs a moment later, in the inbound
/// worker. A test reads what the bot said right after posting, as a person reads the chat once the bot has answered:
/// after each POST to <c>/api/messages</c>, this waits until the Teams inbound queue holds no fresh activity.
/// Activities waiting for another attempt after a failure are not waited for (their retry is the test's business).
/// </summary>
internal sealed class TeamsTurnsSettled(IServiceProvider services) : DelegatingHandler
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Post && request.RequestUri?.AbsolutePath == "/api/messages")
        {
            await UntilSettledAsync(cancellationToken);
        }

        return response;
    }

    private async Task UntilSettledAsync(CancellationToken cancellationToken)
    {
        var admin = services.GetRequiredService<IQueueAdmin>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < Patience)
        {
            var teams = (await admin.CountsAsync(cancellationToken)).FirstOrDefault(q => q.Queue == TeamsInboundPlatform.QueueName);
            if (teams is null || teams.Pending == teams.Failing)
            {
                return;
            }

            await Task.Delay(10, cancellationToken);
        }
    }
}
