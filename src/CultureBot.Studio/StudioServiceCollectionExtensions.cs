using System.Globalization;
using CultureBot.Studio.Access;
using CultureBot.Studio.Components;
using CultureBot.Studio.Insights;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
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
        services.AddOptions<StudioOptions>().Bind(configuration.GetSection(StudioOptions.Section));
        services.AddSingleton<IPostConfigureOptions<StudioOptions>>(sp => new PostConfigureOptions<StudioOptions>(Options.DefaultName, o => o.LocalMode = localMode(sp)));

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddFluentUIComponents();
        services.AddLocalization(options => options.ResourcesPath = "Resources");

        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "CultureBot studio", options => options.ForwardDefaultSelector = context =>
                context.RequestServices.GetRequiredService<IOptions<StudioOptions>>().Value.LocalMode ? LocalStudioAuthentication.SchemeName : CookieScheme)
            .AddScheme<AuthenticationSchemeOptions, LocalStudioAuthentication>(LocalStudioAuthentication.SchemeName, null)
            .AddCookie(CookieScheme, options =>
            {
                options.Cookie.Name = "culturebot-studio";
                options.Cookie.Path = PathBase;
                // A Teams tab is a cross-site frame: its session cookie must be SameSite=None, which browsers accept only over HTTPS.
                options.Cookie.SameSite = SameSiteMode.None;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.HttpOnly = true;
                options.SlidingExpiration = true;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.LoginPath = PathBase + "/signin";
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

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
                endpoints.MapGet(InsightsExport.Path, InsightsExport.HandleAsync).RequireAuthorization(StudioPolicies.Viewer);
                endpoints.MapRazorComponents<App>()
                    .AddInteractiveServerRenderMode()
                    .RequireAuthorization(StudioPolicies.Viewer);
            });
        });
    }

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
