using CultureBot.Core.Bot;

namespace CultureBot.Host.Web;

/// <summary>
/// What a test build adds to the composition root, so that test-only code (the end-to-end runs' adjustable clock,
/// in <c>tests/CultureBot.TestHost</c>) stays out of the shipped executable: services registered after the host's own
/// (so they may replace one, such as the <see cref="TimeProvider"/>), and routes mapped before the features' own.
/// </summary>
public sealed record HostAdditions(Action<IServiceCollection, IConfiguration> Services, Func<BotRouteBuilder, BotRouteBuilder> Routes);
