using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CultureBot.Testing;

namespace CultureBot.Teams.Tests.Packaging;

/// <summary>
/// Microsoft's Teams localization file schema (<c>MicrosoftTeams.Localization.schema.json</c> of a manifest version,
/// from the npm package <c>@microsoft/app-manifest</c> the peer tools install), applied to a localization file.
/// Why not <c>teams-manifest-validate</c>, which does the same: it compiles the schema with Ajv in Unicode mode, where
/// the schema's own patterns (<c>\b]</c>) are invalid, so it stops with a SyntaxError on any package that has a
/// localization file. The schema is flat (string properties, string pattern properties, required names, nothing
/// else allowed), so this checks all of it, and refuses a schema that uses anything more rather than under-check.
/// </summary>
internal static class LocalizationSchema
{
    /// <summary>The schema problems of <paramref name="localization"/> (none when it is valid).</summary>
    public static IReadOnlyList<string> Validate(JsonObject localization, string manifestVersion)
    {
        var schema = Load(manifestVersion);
        var known = new HashSet<string>(["$schema", "type", "additionalProperties", "properties", "patternProperties", "required"], StringComparer.Ordinal);
        Assert.All(schema, entry => Assert.Contains(entry.Key, known));
        Assert.False(schema["additionalProperties"]!.GetValue<bool>());

        var properties = schema["properties"]!.AsObject();
        var patterns = schema["patternProperties"]!.AsObject().Select(p => (Regex: new Regex(p.Key, RegexOptions.None, TimeSpan.FromSeconds(1)), Rule: p.Value!.AsObject())).ToList();
        var problems = new List<string>();
        foreach (var name in schema["required"]!.AsArray().Select(n => n!.GetValue<string>()).Where(n => !localization.ContainsKey(n)))
        {
            problems.Add($"missing required property \"{name}\"");
        }

        foreach (var (name, value) in localization)
        {
            var rule = properties[name]?.AsObject() ?? patterns.FirstOrDefault(p => p.Regex.IsMatch(name)).Rule;
            if (rule is null)
            {
                problems.Add($"unknown property \"{name}\"");
                continue;
            }

            Assert.All(rule, entry => Assert.Contains(entry.Key, (string[])["type", "maxLength", "format"]));
            if (value is not JsonValue text || !text.TryGetValue<string>(out var s))
            {
                problems.Add($"{name}: must be a string");
            }
            else if (rule["maxLength"]?.GetValue<int>() is { } max && s.Length > max)
            {
                problems.Add($"{name}: {s.Length} characters, at most {max}");
            }
        }

        return problems;
    }

    /// <summary>The schema file, in the peer tools' npm cache (found as their launcher finds it: a hash of their lock file).</summary>
    private static JsonObject Load(string manifestVersion)
    {
        var tools = PeerTools.Require();
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(tools, "package-lock.json"))))[..16];
        var home = Environment.GetEnvironmentVariable("HOME");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string?[] bases =
        [
            Environment.GetEnvironmentVariable("CULTUREBOT_TOOLS_CACHE"),
            string.IsNullOrEmpty(xdg) ? null : Path.Combine(xdg, "culturebot-tools"),
            string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "culturebot-tools"),
        ];
        var relative = Path.Combine("node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams", $"v{manifestVersion}", "MicrosoftTeams.Localization.schema.json");
        var file = bases.Where(b => !string.IsNullOrEmpty(b)).Select(b => Path.Combine(b!, hash, relative)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"No {relative} in the peer tools' cache: run {tools}/selftest once to install it.");
        return JsonNode.Parse(File.ReadAllText(file))!.AsObject();
    }
}
