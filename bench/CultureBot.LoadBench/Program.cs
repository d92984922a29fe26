namespace CultureBot.LoadBench;

/// <summary>
/// The load benchmarks, outside the shipped executable: <c>dotnet run -c Release --project bench/CultureBot.LoadBench --
/// outbox|quiz|checks [options]</c>.
/// </summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => LoadBenchCommandLine.RunAsync(args);
}
