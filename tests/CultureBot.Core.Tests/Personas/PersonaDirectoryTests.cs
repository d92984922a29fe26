using System.Globalization;
using CultureBot.Core.Conversations;
using CultureBot.Core.Personas;

namespace CultureBot.Core.Tests.Personas;

public class PersonaDirectoryTests
{
    private static readonly OrganizationKey TenantA = new(Platforms.Teams, "tenant-a");
    private static readonly OrganizationKey TenantB = new(Platforms.Teams, "tenant-b");
    private static readonly OrganizationKey Workspace = new(Platforms.Slack, "T0OTHER");

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private static PersonaPack Pack(string slug, string language, string persona, OrganizationKey? owner = null) => new()
    {
        Slug = slug,
        Language = language,
        Owner = owner,
        Personas = [new Persona { Id = persona, Name = persona }],
    };

    private readonly PersonaDirectory _directory = new([
        Pack("sample-en", "en", "camille"),
        Pack("sample-fr", "fr", "camille"),
        Pack("acme-en", "en", "arthur", TenantA),
        Pack("globex-fr", "fr", "gaelle", TenantB),
        Pack("sample-en", "en", "shadow", TenantB),
    ]);

    [Fact]
    public void An_organization_sees_its_own_pack_in_a_language_and_the_default_in_the_others()
    {
        Assert.Equal("acme-en", _directory.PackFor(TenantA, English)!.Slug);
        Assert.Equal("sample-fr", _directory.PackFor(TenantA, French)!.Slug);
        Assert.Equal("globex-fr", _directory.PackFor(TenantB, French)!.Slug);
        Assert.Equal("shadow", _directory.PackFor(TenantB, English)!.Personas[0].Id);
    }

    [Fact]
    public void An_organization_without_packs_of_its_own_gets_the_defaults_and_never_another_organizations()
    {
        Assert.Equal(["sample-en", "sample-fr"], _directory.PacksFor(Workspace).Select(p => p.Slug));
        Assert.All(_directory.PacksFor(Workspace), p => Assert.Null(p.Owner));
        Assert.Equal("camille", _directory.PackFor(Workspace, English)!.Personas[0].Id);
        Assert.Null(_directory.Find(Workspace, "acme-en"));
    }

    [Fact]
    public void A_slug_is_found_among_the_organizations_packs_first_then_the_defaults()
    {
        Assert.Equal("shadow", _directory.Find(TenantB, "sample-en")!.Personas[0].Id);
        Assert.Equal("camille", _directory.Find(TenantA, "sample-en")!.Personas[0].Id);
        Assert.Equal("arthur", _directory.Find(TenantA, "acme-en")!.Personas[0].Id);
        Assert.Null(_directory.Find(TenantB, "acme-en"));
    }

    [Fact]
    public void Two_packs_with_the_same_slug_have_each_their_own_matcher()
    {
        var shared = _directory.Find(TenantA, "sample-en")!;
        var own = _directory.Find(TenantB, "sample-en")!;

        Assert.Same(shared, _directory.MatcherFor(shared).Pack);
        Assert.Same(own, _directory.MatcherFor(own).Pack);
    }
}
