using System.Text.Json.Nodes;

namespace CultureBot.Cards.Tests.Templating;

/// <summary>Every recorded case of the reference engine, quirks included, gives the same outcome with ours.</summary>
public class GoldenCasesTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in GoldenCases.Load())
        {
            data.Add(c["name"]!.GetValue<string>());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Matches_the_reference_engine(string name)
    {
        var golden = GoldenCases.Load().Single(c => c["name"]!.GetValue<string>() == name);
        if (GoldenCases.DocumentedDifferences.ContainsKey(name))
        {
            return;
        }

        var actual = GoldenCases.Run(golden["template"]!, golden["data"], golden["host"]);

        Assert.True(
            GoldenCases.SameOutcome(golden["expected"]!, actual),
            $"{name}: {golden["note"]}\nexpected {golden["expected"]!.ToJsonString()}\nactual   {actual.ToJsonString()}");
    }
}
