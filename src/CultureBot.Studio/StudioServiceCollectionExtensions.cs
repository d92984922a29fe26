using System.Globalization;
using CultureBot.Studio.Access;
using CultureBot.Studio.Components;
using CultureBot.Studio.Operations;
using CultureBot.Studio.Personas;
using CultureBot.Studio.Insights;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.FluentUI.AspNetCore.Components;

namespace CultureBot.Studio;

public static class StudioServiceCollectionExtensions
{
    /// <summary>The path the studio is served under: stable, so that a Teams tab and bookmarks can name it.</summary>
    public const string PathBase = "/admin";

    /// <summary>The scheme the studio's pages authenticate with: local mode's, else the session cookie.</summary>
    public const string Scheme = "Studio";

    public const string CookieScheme = "Studio.Cookie";

    /// <summary>The cultures the studio speaks; the browser's (or Teams') locale picks one.</summary>
    public static readonly CultureInfo[] Cultures = [new("en"), new("fr")];

    /// <summary>
    /// The studio's services: Blazor (interactive server) with Fluent UI, its authentication schemes and role policies.
    /// <paramref name="localMode"/> says, from the platforms' settings, whether the host runs without Teams credentials
    /// and without Slack (then the studio opens without sign-in).
    /// </summary>
    public static IServiceCollection AddStudio(this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, bool> localMode)
    {
        services.AddOptions<StudioOptions>().Bind(configuration.GetSection(StudioOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StudioOptions>, StudioOptionsValidator>();
        services.AddSingleton<IPostConfigureOptions<StudioOptions>>(sp => new PostConfigureOptions<StudioOptions>(Options.DefaultName, o =>
        {
            o.LocalMode = localMode(sp);
            TabAudience(o.Teams, configuration);
        }));
        services.AddSingleton<StudioMembership>();
        services.AddSingleton<TeamsTabTokens>();
        services.AddHttpClient();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddFluentUIComponents();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DigestAdmin>();
        services.AddSingleton<OnboardingAdmin>();
        services.AddSingleton<CommitteeAdmin>();
        services.AddSingleton<Personas.PackEditor>();
        services.AddScoped<Verbatims.VerbatimCuration>();
        services.AddScoped<Quiz.QuizReview>();

        // The providers are known at start: an OpenID Connect handler without a client id could not even be created.
        var signIn = configuration.GetSection(StudioOptions.Section).Get<StudioOptions>() ?? new StudioOptions();
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "CultureBot studio", options => options.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<IOptions<StudioOptions>>().Value.LocalMode ? LocalStudioAuthentication.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, LocalStudioAuthentication>(LocalStudioAuthentication.SchemeName, null)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "culturebot-studio";
                options.Cookie.Path = PathBase;
                // A Teams tab is a page of the host framed by teams.microsoft.com, another site: a SameSite=Lax or Strict
                // cookie would never be sent in that frame, so the session would be lost at every request. SameSite=None
                // lets it through, and browsers accept SameSite=None only on a Secure cookie, sent over HTTPS: deployed
                // hosts are HTTPS (Teams opens nothing else). HttpOnly keeps it out of scripts.
                options.Cookie.SameSite = SameSiteMode.None;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.HttpOnly = true;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                // Relative to the studio's branch, whose path base (/admin) the handler puts in front.
                options.LoginPath = "/signin";
                options.Events.OnRedirectToLogin = context =>
                {
                    // A page opened in the browser goes to the sign-in page; a form post, a script's fetch or Blazor's
                    // connection get 401, which they can act on (a redirect to an HTML page would only confuse them).
                    if (IsNavigation(context.Request))
                    {
                        context.Response.Redirect(context.RedirectUri);
                    }
                    else
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    }

                    return Task.CompletedTask;
                };
                options.Events.OnValidatePrincipal = async context =>
                {
                    // The settings are read at every request: someone removed from the lists, or whose tenant is no
                    // longer allowed, loses the session at the next page, not when the 8 hours are over.
                    if (context.Principal is null || !context.HttpContext.RequestServices.GetRequiredService<StudioMembership>().StillAdmits(context.Principal))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieScheme);
                    }
                };
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddStudioOpenIdConnect(signIn);

        services.AddAuthorizationBuilder()
            .AddPolicy(StudioPolicies.Viewer, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireClaim(StudioClaims.Organization).RequireClaim(StudioClaims.Role, StudioRoles.Owner, StudioRoles.Viewer))
            .AddPolicy(StudioPolicies.Owner, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()
                .RequireClaim(StudioClaims.Organization).RequireClaim(StudioClaims.Role, StudioRoles.Owner));
        return services;
    }

    /// <summary>
    /// Serves the studio under <see cref="PathBase"/> in its own branch of the pipeline: its culture, antiforgery,
    /// static files and Blazor's connection live there, and nothing of it reaches the bot's endpoints.
    /// </summary>
    public static void MapStudio(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Map(PathBase, studio =>
        {
            studio.UseRequestLocalization(options =>
            {
                options.DefaultRequestCulture = new RequestCulture("en");
                options.SupportedCultures = Cultures;
                options.SupportedUICultures = Cultures;
                options.RequestCultureProviders.Insert(0, new QueryStringRequestCultureProvider { QueryStringKey = "culture", UIQueryStringKey = "culture" });
            });
            studio.Use(RememberCulture);
            studio.UseRouting();
            studio.UseAuthentication();
            studio.UseAuthorization();
            studio.UseAntiforgery();
            studio.UseEndpoints(endpoints =>
            {
                endpoints.MapStaticAssets();
                endpoints.MapStudioSignIn();
                endpoints.MapPackDownload();
                endpoints.MapGet(Verbatims.VerbatimExportEndpoint.Path, Verbatims.VerbatimExportEndpoint.ExportAsync).RequireAuthorization(StudioPolicies.Viewer);
                endpoints.MapGet(InsightsExport.Path, InsightsExport.HandleAsync).RequireAuthorization(StudioPolicies.Viewer);
                endpoints.MapRazorComponents<App>()
                    .AddInteractiveServerRenderMode()
                    .RequireAuthorization(StudioPolicies.Viewer);
            });
        });
    }

    /// <summary>
    /// The Teams tab's token audience when <c>Studio:Teams:Audience</c> does not say: the application id URI the app
    /// package declares, <c>api://{Teams:Domain}/{Teams:AppId}</c>; none (no single sign-on) without both.
    /// </summary>
    private static void TabAudience(StudioTeamsOptions teams, IConfiguration configuration)
    {
        teams.AppId = configuration["Teams:AppId"]?.Trim();
        var domain = configuration["Teams:Domain"]?.Trim();
        if (string.IsNullOrWhiteSpace(teams.Audience) && !string.IsNullOrWhiteSpace(domain) && !string.IsNullOrWhiteSpace(teams.AppId))
        {
            teams.Audience = $"api://{domain}/{teams.AppId}";
        }
    }

    /// <summary>A GET the browser makes to show a page (its <c>Sec-Fetch-Mode</c> says so; older browsers send none).</summary>
    private static bool IsNavigation(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && (request.Headers["Sec-Fetch-Mode"].ToString() is "" or "navigate")
        && !string.Equals(request.Headers.XRequestedWith, "XMLHttpRequest", StringComparison.Ordinal);

    /// <summary>
    /// A <c>?culture=</c> (a Teams tab passes its locale so) is kept in the culture cookie: Blazor's connection, which
    /// carries no query, then speaks the same language as the page.
    /// </summary>
    private static Task RememberCulture(HttpContext context, Func<Task> next)
    {
        if (context.Request.Query.ContainsKey("culture") && context.Features.Get<IRequestCultureFeature>() is { } culture)
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(culture.RequestCulture),
                new CookieOptions { Path = PathBase, SameSite = context.Request.IsHttps ? SameSiteMode.None : SameSiteMode.Lax, Secure = context.Request.IsHttps, HttpOnly = true });
        }

        return next();
    }
}
