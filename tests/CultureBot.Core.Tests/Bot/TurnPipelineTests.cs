using System.Globalization;
using CultureBot.Core.Bot;
using CultureBot.Core.Conversations;
using CultureBot.Core.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CultureBot.Core.Tests.Bot;

/// <summary>What every turn goes through, whichever the platform: its own DI scope, the conversation remembered, nothing for what asks nothing.</summary>
public sealed class TurnPipelineTests : IDisposable
{
    private readonly List<PerTurn> _seen = [];
    private readonly Mock<IConversationStore> _conversations = new();
    private readonly ServiceProvider _services;

    public TurnPipelineTests() =>
        _services = new ServiceCollection().AddScoped<PerTurn>().BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

    public void Dispose() => _services.Dispose();

    /// <summary>A scoped service: one per turn, disposed with it.</summary>
    private sealed class PerTurn : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    private TurnPipeline Pipeline()
    {
        var router = new BotRouteBuilder().MapCommand("help", [], (context, _) =>
        {
            _seen.Add(context.Services.GetRequiredService<PerTurn>());
            return Task.CompletedTask;
        }).Build();
        var strings = new StringTable(new Dictionary<string, IReadOnlyDictionary<string, string>> { ["en"] = new Dictionary<string, string>() });
        return new TurnPipeline(router, _conversations.Object, _services.GetRequiredService<IServiceScopeFactory>(), strings, NullLogger<TurnPipeline>.Instance);
    }

    private static Turn Turn(TurnKind kind, string conversation = "c") => new()
    {
        Kind = kind,
        Conversation = new ConversationReference(new ConversationKey(Platforms.Slack, "T1", conversation), ConversationKind.Personal, null, null, "U1", null, null, DateTimeOffset.UnixEpoch),
        Culture = CultureInfo.InvariantCulture,
        Text = "help",
    };

    [Fact]
    public async Task Each_turn_runs_in_a_scope_of_its_own_disposed_when_it_ends()
    {
        var pipeline = Pipeline();

        Assert.Equal(["help"], await pipeline.RunAsync(Turn(TurnKind.Message), Mock.Of<ITurnChannel>(), CancellationToken.None));
        await pipeline.RunAsync(Turn(TurnKind.Message), Mock.Of<ITurnChannel>(), CancellationToken.None);

        Assert.Equal(2, _seen.Count);
        Assert.NotSame(_seen[0], _seen[1]);
        Assert.All(_seen, perTurn => Assert.True(perTurn.Disposed));
    }

    [Fact]
    public async Task A_turn_remembers_its_conversation_and_one_that_asks_nothing_is_neither_remembered_nor_dispatched()
    {
        var pipeline = Pipeline();

        await pipeline.RunAsync(Turn(TurnKind.Message, "D1"), Mock.Of<ITurnChannel>(), CancellationToken.None);
        var ignored = await pipeline.RunAsync(Turn(TurnKind.Other, "D2"), Mock.Of<ITurnChannel>(), CancellationToken.None);
        await pipeline.RunAsync(Turn(TurnKind.Message, string.Empty), Mock.Of<ITurnChannel>(), CancellationToken.None);

        Assert.Empty(ignored);
        _conversations.Verify(c => c.UpsertReferenceAsync(It.Is<ConversationReference>(r => r.Key.ConversationId == "D1"), It.IsAny<CancellationToken>()), Times.Once);
        _conversations.VerifyNoOtherCalls();
        Assert.Equal(2, _seen.Count);
    }
}
