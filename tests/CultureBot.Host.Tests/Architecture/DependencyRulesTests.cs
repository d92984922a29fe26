using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using CultureBot.Host.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

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
    [InlineData("CultureBot.Slack", new[] { "CultureBot.Core", "CultureBot.Cards", "CultureBot.Web" })]
    [InlineData("CultureBot.Teams", new[] { "CultureBot.Cards", "CultureBot.Core", "CultureBot.Web" })]
    [InlineData("CultureBot.Web", new string[0])]
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

    /// <summary>The types an assembly's compiled code uses (its type references): what it does, whatever its usings say.</summary>
    private static List<string> TypesUsedBy(string assembly)
    {
        using var stream = File.OpenRead(Assembly.Load(assembly).Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return [.. metadata.TypeReferences.Select(handle => metadata.GetTypeReference(handle)).Select(type => $"{metadata.GetString(type.Namespace)}.{metadata.GetString(type.Name)}")];
    }

    [Fact]
    public void The_host_reads_no_platform_payload()
    {
        // Activities, Slack payloads and the readers of raw request bodies belong to the protocol projects' front doors.
        var wire = TypesUsedBy("culturebot").Where(type =>
            type.StartsWith("CultureBot.Teams.Schema.", StringComparison.Ordinal)
            || type.StartsWith("CultureBot.Slack.Inbound.", StringComparison.Ordinal)
            || type is "CultureBot.Core.Bot.StrictJson" or "CultureBot.Web.CappedBody" or "CultureBot.Web.MalformedInput");

        Assert.Empty(wire);
    }

    [Theory]
    [InlineData("CultureBot.Teams", "MapTeams")]
    [InlineData("CultureBot.Slack", "MapSlack")]
    public void Each_protocol_project_exposes_its_front_door(string assembly, string method) =>
        Assert.Contains(
            Assembly.Load(assembly).GetExportedTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static)),
            m => m.Name == method && m.IsDefined(typeof(ExtensionAttribute)) && m.GetParameters() is [{ ParameterType: var target }] && target == typeof(IEndpointRouteBuilder));

    [Fact]
    public void The_platform_endpoints_are_handled_by_their_protocol_projects_not_the_host()
    {
        using var slack = new SlackTestHost(new Dictionary<string, string?> { ["Slack:ClientId"] = "1234.5678", ["Slack:ClientSecret"] = "oauth-client-secret" });
        var handlers = slack.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && (path == "/api/messages" || path.StartsWith("/slack/", StringComparison.Ordinal)))
            .ToDictionary(e => e.RoutePattern.RawText!, e => e.Metadata.GetMetadata<MethodInfo>()?.DeclaringType?.Assembly.GetName().Name);

        Assert.Equal(
            new Dictionary<string, string?>
            {
                ["/api/messages"] = "CultureBot.Teams",
                ["/slack/events"] = "CultureBot.Slack",
                ["/slack/commands"] = "CultureBot.Slack",
                ["/slack/interactions"] = "CultureBot.Slack",
                ["/slack/install"] = "CultureBot.Slack",
                ["/slack/oauth/callback"] = "CultureBot.Slack",
            },
            handlers);
    }
}
