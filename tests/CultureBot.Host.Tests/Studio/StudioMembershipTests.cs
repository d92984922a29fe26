using System.Security.Claims;
using CultureBot.Core.Conversations;
using CultureBot.Studio;
using CultureBot.Studio.Access;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureBot.Host.Tests.Studio;

/// <summary>What a validated token's claims become in a studio session: organization and role, or a refusal.</summary>
public sealed class StudioMembershipTests
{
    private const string Tenant = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    private const string Group = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a";

    private static StudioMembership Membership(string[] owners, string[] viewers, string[]? tenants = null, string[]? workspaces = null) => new(
        new OrganizationAccess(false, tenants ?? [Tenant], workspaces ?? ["T0CONTOSO"], teamsLocalMode: false, NullLogger<OrganizationAccess>.Instance),
        new FixedOptions(new StudioOptions { Owners = [.. owners], Viewers = [.. viewers] }));

    /// <summary>Settings that change when a test says so, as a reloaded configuration file would.</summary>
    private sealed class FixedOptions(StudioOptions value) : IOptionsMonitor<StudioOptions>
    {
        public StudioOptions CurrentValue { get; set; } = value;

        public StudioOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<StudioOptions, string?> listener) => null;
    }

    private static Claim[] Entra(string oid = "oid-1", string? upn = "camille@contoso.com", params string[] groups) =>
    [
        new("tid", Tenant), new("oid", oid), new("name", "Camille Martin"),
        .. upn is null ? Array.Empty<Claim>() : [new Claim("upn", upn), new Claim("preferred_username", upn)],
        .. groups.Select(g => new Claim("groups", g)),
    ];

    [Fact]
    public void An_entra_token_gives_the_tenants_organization_the_object_id_and_every_name_the_lists_may_use()
    {
        var identity = StudioIdentity.FromEntra(Entra("oid-1", "camille@contoso.com", Group))!;

        Assert.Equal(new OrganizationKey(Platforms.Teams, Tenant), identity.Organization);
        Assert.Equal("teams:" + Tenant, identity.Organization.ToString());
        Assert.Equal("oid-1", identity.UserId);
        Assert.Equal("Camille Martin", identity.Name);
        Assert.Equal(["oid-1", "camille@contoso.com", Group], identity.Names);
    }

    [Fact]
    public void An_entra_token_without_a_tenant_guid_or_an_object_id_is_no_one()
    {
        Assert.Null(StudioIdentity.FromEntra([new Claim("tid", "contoso"), new Claim("oid", "oid-1")]));
        Assert.Null(StudioIdentity.FromEntra([new Claim("tid", Tenant)]));
    }

    [Fact]
    public void A_slack_token_gives_the_workspace_the_user_id_and_a_verified_email_only()
    {
        Claim[] claims = [new(StudioIdentity.SlackTeamClaim, "T0CONTOSO"), new(StudioIdentity.SlackUserClaim, "U0CAMILLE"), new("sub", "U0CAMILLE"), new("email", "camille@contoso.com"), new("email_verified", "true"), new("name", "Camille")];
        Claim[] unverified = [new(StudioIdentity.SlackTeamClaim, "T0CONTOSO"), new("sub", "U0MALLORY"), new("email", "camille@contoso.com"), new("email_verified", "false")];

        var identity = StudioIdentity.FromSlack(claims)!;
        var mallory = StudioIdentity.FromSlack(unverified)!;

        Assert.Equal("slack:T0CONTOSO", identity.Organization.ToString());
        Assert.Equal("U0CAMILLE", identity.UserId);
        Assert.Equal(["U0CAMILLE", "camille@contoso.com"], identity.Names);
        Assert.Equal(["U0MALLORY"], mallory.Names);
        Assert.Null(StudioIdentity.FromSlack([new Claim("sub", "U0CAMILLE")]));
    }

    [Theory]
    [InlineData("CAMILLE@contoso.com", "", "owner")]
    [InlineData("", "oid-1", "viewer")]
    [InlineData(Group, "", "owner")]
    [InlineData("", "0D9C8B7A-6F5E-4D3C-9B2A-1F0E9D8C7B6A", "viewer")]
    [InlineData("camille@contoso.com", "camille@contoso.com", "owner")]
    [InlineData("someone@contoso.com", "other-oid", null)]
    public void Lists_name_people_by_id_email_or_group_case_insensitively_and_owner_wins(string owner, string viewer, string? role)
    {
        var membership = Membership([owner], [viewer]);

        Assert.Equal(role, membership.RoleOf(StudioIdentity.FromEntra(Entra("oid-1", "camille@contoso.com", Group))!));
    }

    [Fact]
    public void A_session_holds_while_the_settings_grant_its_role_to_the_name_that_granted_it()
    {
        var settings = new FixedOptions(new StudioOptions { Owners = ["camille@contoso.com"], Viewers = [Group] });
        var membership = new StudioMembership(new OrganizationAccess(false, [Tenant], [], teamsLocalMode: false, NullLogger<OrganizationAccess>.Instance), settings);
        var session = membership.Admit(StudioIdentity.FromEntra(Entra("oid-1", "camille@contoso.com", Group))!, OpenIdSignIn.Entra).Principal!;
        var elsewhere = new ClaimsPrincipal(new ClaimsIdentity([.. session.Claims.Where(c => c.Type != StudioClaims.Organization), new Claim(StudioClaims.Organization, "teams:9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a")], "cookie"));
        var older = new ClaimsPrincipal(new ClaimsIdentity(session.Claims.Where(c => c.Type != StudioClaims.Grant), "cookie"));

        Assert.Equal("camille@contoso.com", session.FindFirstValue(StudioClaims.Grant));
        Assert.True(membership.StillAdmits(session));
        Assert.False(membership.StillAdmits(elsewhere)); // a tenant the access settings do not allow
        Assert.False(membership.StillAdmits(older)); // a session from before sessions named their grant signs in again

        settings.CurrentValue = new StudioOptions { Owners = ["CAMILLE@CONTOSO.COM"] };
        Assert.True(membership.StillAdmits(session));
        settings.CurrentValue = new StudioOptions { Viewers = ["camille@contoso.com"] };
        Assert.False(membership.StillAdmits(session)); // now a viewer: the next sign-in says so
        settings.CurrentValue = new StudioOptions { Owners = ["someone@contoso.com"], Viewers = [Group] };
        Assert.False(membership.StillAdmits(session));
    }

    [Fact]
    public void An_admitted_person_carries_organization_role_and_user_in_the_session()
    {
        var admission = Membership(["camille@contoso.com"], []).Admit(StudioIdentity.FromEntra(Entra())!, OpenIdSignIn.Entra);

        var user = StudioUser.From(admission.Principal);
        Assert.Null(admission.Refusal);
        Assert.NotNull(user);
        Assert.Equal("teams:" + Tenant, user.Organization.ToString());
        Assert.True(user.IsOwner);
        Assert.False(user.IsLocal);
        Assert.Equal("Camille Martin", user.Name);
        var principal = Assert.IsType<ClaimsPrincipal>(admission.Principal);
        Assert.Equal("oid-1", principal.FindFirstValue(StudioClaims.User));
        Assert.Equal("entra", principal.FindFirstValue(StudioClaims.Provider));
    }

    [Fact]
    public void An_organization_the_access_settings_do_not_allow_is_refused_before_any_role()
    {
        var membership = Membership(["camille@contoso.com", "U0CAMILLE"], [], tenants: ["9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"], workspaces: []);
        var slack = StudioIdentity.FromSlack([new Claim(StudioIdentity.SlackTeamClaim, "T0CONTOSO"), new Claim("sub", "U0CAMILLE")])!;

        Assert.Equal(StudioRefusal.Organization, membership.Admit(StudioIdentity.FromEntra(Entra())!, OpenIdSignIn.Entra).Refusal);
        Assert.Equal(StudioRefusal.Organization, membership.Admit(slack, OpenIdSignIn.Slack).Refusal);
        Assert.Equal(StudioRefusal.Role, Membership([], []).Admit(StudioIdentity.FromEntra(Entra())!, OpenIdSignIn.Entra).Refusal);
    }

    [Theory]
    [InlineData("https://login.microsoftonline.com/" + Tenant + "/v2.0", Tenant, true)]
    [InlineData("https://sts.windows.net/" + Tenant + "/", Tenant, true)]
    [InlineData("https://login.microsoftonline.com/9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a/v2.0", Tenant, false)]
    [InlineData("https://login.microsoftonline.com/{tenantid}/v2.0", "{tenantid}", false)]
    [InlineData("https://evil.example.com/" + Tenant + "/v2.0", Tenant, false)]
    public void The_issuer_must_be_the_tokens_own_tenants(string issuer, string tid, bool valid)
    {
        var token = new JsonWebToken(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor { Claims = new Dictionary<string, object> { ["tid"] = tid } }));
        var validator = EntraIssuer.Validator(StudioEntraOptions.DefaultAuthority);

        var accepted = Record.Exception(() => validator(issuer, token, new TokenValidationParameters())) is null;

        Assert.Equal(valid, accepted);
    }

    [Theory]
    [InlineData("Owners", "", "Studio:Owners:0 is blank")]
    [InlineData("Viewers", " ", "Studio:Viewers:0 is blank")]
    public void A_blank_list_entry_stops_the_host(string list, string entry, string expected)
    {
        var options = new StudioOptions();
        (list == "Owners" ? options.Owners : options.Viewers).Add(entry);

        var result = new StudioOptionsValidator().Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_id_without_its_secret_and_a_bad_authority_stop_the_host()
    {
        var options = new StudioOptions
        {
            Entra = new StudioEntraOptions { ClientId = "c0ffee00-1111-4222-8333-444455556666", Authority = "http://login.example.com/organizations/v2.0" },
            Slack = new StudioSlackOptions { ClientSecret = "secret" },
        };

        var failures = new StudioOptionsValidator().Validate(null, options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("Studio:Entra:ClientId is set but Studio:Entra:ClientSecret is not", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Studio:Slack:ClientSecret is set but Studio:Slack:ClientId is not", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Studio:Entra:Authority must be an absolute https URL", StringComparison.Ordinal));
        Assert.True(new StudioOptionsValidator().Validate(null, new StudioOptions()).Succeeded);
    }
}
