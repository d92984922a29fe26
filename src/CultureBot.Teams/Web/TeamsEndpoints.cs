using System.Text.Json;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Queue;
using CultureBot.Teams.Adapter;
using CultureBot.Teams.Authentication;
using CultureBot.Teams.Configuration;
using CultureBot.Teams.Inbound;
using CultureBot.Teams.Schema;
using CultureBot.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CultureBot.Teams.Web;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Connector's messaging endpoint. An activity is read strictly, checked, and
/// authorized; an invoke is then answered in the response, anything else is stored in the durable inbound queue
/// (once, by tenant and activity id) and acknowledged at once, its replies following through the Bot Connector.
/// </summary>
public static partial class TeamsEndpoints
{
    /// <summary>Activities are small; a card-heavy one stays far below this. Larger bodies are refused, read no further than this.</summary>
    public const long MaxActivityBytes = 512 * 1024;

    /// <summary>The messaging endpoint, behind Bot Framework authentication unless the host runs in local mode.</summary>
    public static IEndpointRouteBuilder MapTeams(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var teams = app.ServiceProvider.GetRequiredService<IOptions<TeamsOptions>>().Value;
        var endpoint = app.MapPost("/api/messages", HandleAsync);
        if (!teams.IsLocalMode)
        {
            endpoint.RequireAuthorization(BotFrameworkAuthentication.Policy);
        }

        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        TeamsBotAdapter adapter,
        IOptions<TeamsOptions> teams,
        ILogger<TeamsBotAdapter> logger,
        CancellationToken cancellationToken)
    {
        if (await CappedBody.ReadAsync(http.Request, MaxActivityBytes, cancellationToken) is not { } body)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        // Read strictly, then checked for the fields every handler relies on: a malformed activity gets 400 here and never reaches one.
        using var document = StrictJson.Parse(body, out var problem);
        if (document is null)
        {
            return MalformedInput.Answer(http, "The activity is " + problem + ".");
        }

        Activity? activity;
        try
        {
            activity = document.RootElement.Deserialize(TeamsJsonContext.Default.Activity);
        }
        catch (JsonException e)
        {
            return MalformedInput.Answer(http, $"The activity does not fit the Bot Framework schema at {e.Path ?? "$"}.");
        }

        if (activity is null)
        {
            return MalformedInput.Answer(http, "The activity is null.");
        }

        if (ActivityCheck.Problem(activity) is { } wrong)
        {
            return MalformedInput.Answer(http, wrong);
        }

        if (!teams.Value.IsLocalMode && ActivityAuthorization.Check(http, activity.ServiceUrl, activity.ChannelId) is { } reason)
        {
            LogForbiddenActivity(logger, reason);
            return Results.Unauthorized();
        }

        // A single-tenant bot answers its own tenant only.
        if (!teams.Value.IsLocalMode
            && ActivityAuthorization.CheckTenant(teams.Value.TenantId, activity.Conversation?.TenantId, activity.ChannelData?.Tenant?.Id) is { } tenantReason)
        {
            LogForbiddenActivity(logger, tenantReason);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        // An organization not allowed here: 403, before anything is stored or handled (not an empty 200: the refusal shows
        // in the bot channel's error log for the operator, and the Bot Connector does not retry a 4xx).
        if (!http.RequestServices.GetRequiredService<OrganizationAccess>().Admit(Platforms.Teams, ActivityTenant.Of(activity), "a Teams activity"))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!TeamsBotAdapter.AnswersInResponse(activity))
        {
            // A retry of an activity already stored is acknowledged the same: the Bot Connector need not send it again.
            await http.RequestServices.GetRequiredService<InboundQueue<TeamsInbound>>().AcceptAsync(new TeamsInbound(activity), cancellationToken);
            return Results.Ok();
        }

        var outcome = await adapter.InvokeAsync(activity, cancellationToken);
        return outcome.InvokeResponse is { } invoke
            ? Results.Json(invoke, TeamsJsonContext.Default.InvokeResponse)
            : Results.StatusCode(outcome.StatusCode);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity refused after token validation: {Reason}")]
    private static partial void LogForbiddenActivity(ILogger logger, string reason);
}
