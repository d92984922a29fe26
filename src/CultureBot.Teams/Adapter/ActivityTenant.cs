using CultureBot.Teams.Schema;

namespace CultureBot.Teams.Adapter;

/// <summary>The Microsoft 365 tenant an activity comes from: the organization it belongs to.</summary>
public static class ActivityTenant
{
    /// <summary><c>conversation.tenantId</c>, else <c>channelData.tenant.id</c>; null when the activity names none.</summary>
    public static string? Of(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
    }
}
