using CultureBot.Core.Bot;

namespace CultureBot.Core.Features.Help;

/// <summary>
/// Greetings and thanks, answered in a line: what people type first, and last. The phrases are the language files'
/// <c>smallTalk</c> section; the answer is in the language of the phrase (<c>bonjour</c> from an English client is answered in French).
/// </summary>
public sealed class SmallTalkFeature
{
    public static void Map(FeatureRoutes<SmallTalkFeature> routes) => routes
        .MapSmallTalk("greeting", talk => talk.GreetAsync)
        .MapSmallTalk("thanks", talk => talk.WelcomeThanksAsync);

    private async Task GreetAsync(TurnContext context, CancellationToken cancellationToken) =>
        await context.SendAsync(BotMessage.FromText(context.T("greetingReply")), cancellationToken);

    private async Task WelcomeThanksAsync(TurnContext context, CancellationToken cancellationToken) =>
        await context.SendAsync(BotMessage.FromText(context.T("thanksReply")), cancellationToken);
}
