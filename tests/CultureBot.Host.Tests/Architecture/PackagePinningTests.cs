using System.Text.Json;
using System.Xml.Linq;
using CultureBot.Testing;

namespace CultureBot.Host.Tests.Architecture;

/// <summary>
/// A fresh clone restores exactly what the code was written against. The feed serves only some versions, and a
/// version it does not serve is silently replaced by the next one (NU1603): the code then compiles against the
/// replacement and breaks on the day the pinned version is served again. So every project commits its lock
/// file, every pinned package resolves to its pin, and NU1603 is never silenced for the whole build.
/// </summary>
public class PackagePinningTests
{
    private static readonly string[] ProjectFolders = ["src", "tests", "bench"];

    public static TheoryData<string> LockFiles { get; } = new(ProjectFiles().Select(p => Path.GetRelativePath(PeerTools.RepoRoot, Path.Combine(Path.GetDirectoryName(p)!, "packages.lock.json"))));

    [Fact]
    public void Every_project_commits_a_lock_file()
    {
        var missing = ProjectFiles()
            .Where(p => !File.Exists(Path.Combine(Path.GetDirectoryName(p)!, "packages.lock.json")))
            .Select(p => Path.GetRelativePath(PeerTools.RepoRoot, p))
            .ToList();

        Assert.True(missing.Count == 0, "No packages.lock.json beside: " + string.Join(", ", missing) + " (run dotnet restore and commit it)");
    }

    [Theory]
    [MemberData(nameof(LockFiles))]
    public void Every_pinned_package_resolves_to_its_pin(string lockFile)
    {
        var pins = Pins();
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(PeerTools.RepoRoot, lockFile)));
        var drifted = new List<string>();
        foreach (var framework in document.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            foreach (var package in framework.Value.EnumerateObject())
            {
                var type = package.Value.GetProperty("type").GetString();
                if (type is not ("Direct" or "CentralTransitive") || !pins.TryGetValue(package.Name, out var pinned))
                {
                    continue;
                }

                var resolved = package.Value.GetProperty("resolved").GetString();
                if (resolved != pinned)
                {
                    drifted.Add($"{package.Name}: pinned {pinned}, resolved {resolved}");
                }
            }
        }

        Assert.True(drifted.Count == 0, $"{lockFile}: " + string.Join("; ", drifted));
    }

    [Fact]
    public void NU1603_is_not_silenced_for_the_whole_build()
    {
        var props = XDocument.Load(Path.Combine(PeerTools.RepoRoot, "Directory.Build.props"));
        var silenced = props.Descendants()
            .Where(e => e.Name.LocalName is "NoWarn" or "WarningsNotAsErrors")
            .Where(e => e.Value.Contains("NU1603", StringComparison.Ordinal));

        Assert.Empty(silenced);
    }

    [Fact]
    public void Restores_use_lock_files()
    {
        var props = XDocument.Load(Path.Combine(PeerTools.RepoRoot, "Directory.Build.props"));

        Assert.Contains(props.Descendants(), e => e.Name.LocalName == "RestorePackagesWithLockFile" && e.Value == "true");
    }

    private static Dictionary<string, string> Pins() =>
        XDocument.Load(Path.Combine(PeerTools.RepoRoot, "Directory.Packages.props"))
            .Descendants()
            .Where(e => e.Name.LocalName == "PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<string> ProjectFiles() =>
        ProjectFolders
            .Select(f => Path.Combine(PeerTools.RepoRoot, f))
            .Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
}
