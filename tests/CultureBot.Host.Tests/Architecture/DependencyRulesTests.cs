using System.Reflection;

namespace CultureBot.Host.Tests.Architecture;

/// <summary>The layering of the design, checked on the built assemblies.</summary>
public class DependencyRulesTests
{
    private static string[] CultureBotReferences(string assembly) =>
        [.. Assembly.Load(assembly).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("CultureBot", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void Core_references_no_other_project() => Assert.Empty(CultureBotReferences("CultureBot.Core"));

    [Fact]
    public void The_template_engine_stands_alone() => Assert.Empty(CultureBotReferences("CultureBot.Cards.Templating"));

    [Theory]
    [InlineData("CultureBot.Cards", new[] { "CultureBot.Cards.Templating", "CultureBot.Core" })]
    [InlineData("CultureBot.Data", new[] { "CultureBot.Core" })]
    [InlineData("CultureBot.Content", new[] { "CultureBot.Core" })]
    [InlineData("CultureBot.Llm", new[] { "CultureBot.Core" })]
    [InlineData("CultureBot.Slack", new[] { "CultureBot.Core", "CultureBot.Cards" })]
    [InlineData("CultureBot.Teams", new[] { "CultureBot.Cards", "CultureBot.Core" })]
    [InlineData("CultureBot.Scheduling", new[] { "CultureBot.Core", "CultureBot.Data" })]
    public void Platform_and_data_projects_reference_core_and_cards_only(string assembly, string[] allowed) =>
        Assert.Empty(CultureBotReferences(assembly).Except(allowed));

    [Fact]
    public void The_two_platforms_never_reference_each_other()
    {
        Assert.DoesNotContain("CultureBot.Slack", CultureBotReferences("CultureBot.Teams"));
        Assert.DoesNotContain("CultureBot.Teams", CultureBotReferences("CultureBot.Slack"));
    }

    [Fact]
    public void Core_knows_no_web_framework_and_no_sql()
    {
        var references = Assembly.Load("CultureBot.Core").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.Contains("Sqlite", StringComparison.Ordinal) || r.Contains("Npgsql", StringComparison.Ordinal) || r == "Dapper");
    }
}
