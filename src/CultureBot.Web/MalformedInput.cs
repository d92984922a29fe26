using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CultureBot.Web;

/// <summary>The answer to a request that is authentic but malformed: 400 with a short sentence saying what is wrong, never a 500.</summary>
public static partial class MalformedInput
{
    public static IResult Answer(HttpContext http, string reason)
    {
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MalformedInput));
        LogRefused(logger, http.Request.Path, reason);
        return Results.Problem(title: "Malformed request", detail: reason, statusCode: StatusCodes.Status400BadRequest);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Malformed request to {Path} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
