using CultureBot.Host.Web;
using Microsoft.Extensions.Options;

namespace CultureBot.Host.Tests.Support;

/// <summary>Starting the host as Program does, for tests of what stops it.</summary>
public static class HostStart
{
    /// <summary>Builds and starts the host with these arguments and returns the validation error that stopped it.</summary>
    public static async Task<OptionsValidationException> FailsAsync(string[] args)
    {
        var error = await Record.ExceptionAsync(async () =>
        {
            await using var app = BotHost.Build(args);
            await app.StartAsync();
            await app.StopAsync();
        });

        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException validation)
            {
                return validation;
            }
        }

        throw new Xunit.Sdk.XunitException($"The host started, or failed for another reason: {error}");
    }
}
