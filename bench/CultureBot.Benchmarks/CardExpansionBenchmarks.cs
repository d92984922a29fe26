using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using CultureBot.Cards;
using CultureBot.Cards.Templating;
using CultureBot.Core.Bot;
using CultureBot.Core.Localization;

namespace CultureBot.Benchmarks;

/// <summary>
/// Expanding the persona sheet, the largest card: the template alone (target ≤ 50 µs, ≤ 20 KB allocated),
/// and the whole catalog render (UI strings injected) as the bot does it per message.
/// </summary>
[MemoryDiagnoser]
public class CardExpansionBenchmarks
{
    private CardTemplate _teams = null!;
    private CardTemplate _slack = null!;
    private JsonObject _viewModel = null!;
    private CardCatalog _catalog = null!;
    private CardContent _card = null!;

    [GlobalSetup]
    public void Setup()
    {
        var cards = Path.Combine(AppContext.BaseDirectory, "cards");
        _catalog = CardCatalog.Load(cards);
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(cards, "samples", "persona.json")))!.AsObject();
        _card = new CardContent("persona", sample);
        _viewModel = _catalog.ViewModel(_card, Locales.French);
        _teams = CardTemplate.Parse(File.ReadAllText(Path.Combine(cards, "teams", "persona.json")));
        _slack = CardTemplate.Parse(File.ReadAllText(Path.Combine(cards, "slack", "persona.json")));
    }

    private readonly System.Buffers.ArrayBufferWriter<byte> _output = new(32 * 1024);

    /// <summary>What goes over the wire: UTF-8 JSON written into a reused buffer.</summary>
    [Benchmark(Baseline = true, Description = "persona sheet, Teams, to UTF-8")]
    public int PersonaSheetTeams()
    {
        _output.ResetWrittenCount();
        _teams.ExpandTo(_output, _viewModel);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "persona sheet, Slack, to UTF-8")]
    public int PersonaSheetSlack()
    {
        _output.ResetWrittenCount();
        _slack.ExpandTo(_output, _viewModel);
        return _output.WrittenCount;
    }

    [Benchmark(Description = "persona sheet, Teams, to a JsonNode tree")]
    public JsonNode? PersonaSheetTeamsTree() => _teams.Expand(_viewModel);

    [Benchmark(Description = "persona sheet, catalog render (strings injected)")]
    public JsonNode CatalogRender() => _catalog.Render(Core.Conversations.Platforms.Teams, _card, Locales.French);
}
