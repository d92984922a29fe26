namespace CultureBot.Host.Tests.Support;

/// <summary>Runs a command line with the console swapped for writers (tests doing so belong to the console collection).</summary>
public static class CapturedConsole
{
    public static async Task<(int Status, string Out, string Error)> RunAsync(Func<Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var output = new StringWriter();
        var error = new StringWriter();
        var (previousOut, previousError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var status = await run();
            return (status, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(previousOut);
            Console.SetError(previousError);
        }
    }
}
