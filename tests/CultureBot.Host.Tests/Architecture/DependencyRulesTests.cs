using System.Reflection;
using System.Reflection.Emit;
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
    [InlineData("CultureBot.Scheduling", new[] { "CultureBot.Core", "CultureBot.Data" })]
    [InlineData("CultureBot.Web", new string[0])]
    [InlineData("CultureBot.Studio", new[] { "CultureBot.Core", "CultureBot.Content" })]
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

    private const string FeaturesNamespace = "CultureBot.Core.Features";

    [Fact]
    public void Nothing_in_core_but_the_features_depends_on_the_features()
    {
        var core = Assembly.Load("CultureBot.Core");
        var offenders = core.GetTypes()
            .Where(t => t.DeclaringType is null && !InFeatures(t))
            .SelectMany(t => TypesUsedIn(t).Where(InFeatures).Select(used => $"{t.FullName} uses {used.FullName}"))
            .Distinct(StringComparer.Ordinal);

        Assert.Empty(offenders);
    }

    /// <summary>The check reads code, not only signatures: the digest builder's call to <c>PersonaOfTheWeek.Of</c>, in an async method, is seen.</summary>
    [Fact]
    public void The_feature_check_sees_calls_inside_method_bodies() =>
        Assert.Contains(TypesUsedIn(typeof(Core.Digests.DigestBuilder)), t => t == typeof(Core.Personas.PersonaOfTheWeek));

    /// <summary>What a type and the types nested in it use: lambdas and async methods compile to nested types.</summary>
    private static HashSet<Type> TypesUsedIn(Type type)
    {
        var used = TypesUsedBy(type);
        foreach (var nested in type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic))
        {
            used.UnionWith(TypesUsedIn(nested));
        }

        return used;
    }

    private static bool InFeatures(Type type) =>
        type.Namespace is { } name && (name == FeaturesNamespace || name.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal));

    /// <summary>
    /// The types <paramref name="type"/> names: in its signatures (base, interfaces, fields, properties, parameters,
    /// return types) and in the IL of its methods (every type, method and field token resolved).
    /// </summary>
    private static HashSet<Type> TypesUsedBy(Type type)
    {
        const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var used = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !used.Add(t))
            {
                return;
            }

            Add(t.IsArray || t.IsByRef || t.IsPointer ? t.GetElementType() : null);
            if (t.IsGenericType)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            foreach (var member in MembersInBody(method))
            {
                Add(member as Type ?? member.DeclaringType);
                Add((member as FieldInfo)?.FieldType);
                Add((member as MethodInfo)?.ReturnType);
            }
        }

        return used;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    /// <summary>The members the IL of <paramref name="method"/> refers to, walking its instructions.</summary>
    private static List<MemberInfo> MembersInBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var members = new List<MemberInfo>();
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opcode = OpCodesByValue[value];
            switch (opcode.OperandType)
            {
                case OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineTok:
                    members.Add(method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments)!);
                    at += 4;
                    break;
                case OperandType.InlineSwitch:
                    at += 4 + (4 * BitConverter.ToInt32(il, at));
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    at += 8;
                    break;
                case OperandType.InlineBrTarget or OperandType.InlineI or OperandType.InlineSig or OperandType.InlineString or OperandType.ShortInlineR:
                    at += 4;
                    break;
                case OperandType.InlineVar:
                    at += 2;
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    at += 1;
                    break;
            }
        }

        return members;
    }

    /// <summary>The types an assembly's compiled code uses (its type references): what it does, whatever its usings say.</summary>
    private static List<string> TypesReferencedBy(string assembly)
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
        var wire = TypesReferencedBy("culturebot").Where(type =>
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
