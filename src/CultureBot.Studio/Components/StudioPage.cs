using CultureBot.Studio.Access;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace CultureBot.Studio.Components;

/// <summary>
/// The base of the studio's pages: the signed-in <see cref="StudioUser"/>, read once from the session. Every service
/// call passes it on, so that the service checks the organization and the role again on the server.
/// </summary>
public abstract class StudioPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    /// <summary>The person using the page; null only before the page initialized.</summary>
    protected StudioUser? User { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        if (AuthenticationState is not null)
        {
            User = StudioUser.From((await AuthenticationState).User);
        }

        if (User is not null)
        {
            await OnUserReadyAsync(User);
        }
    }

    /// <summary>Loads what the page shows for <paramref name="user"/>.</summary>
    protected virtual Task OnUserReadyAsync(StudioUser user) => Task.CompletedTask;
}
