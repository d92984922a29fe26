using CultureBot.Core.Features.Digests;

namespace CultureBot.Core.Tests.Digests;

public class DigestCommandTests
{
    [Theory]
    [InlineData("", "Europe/Paris", DayOfWeek.Monday, "09:00", "Europe/Paris", false)]
    [InlineData("friday 16:30", "Europe/Paris", DayOfWeek.Friday, "16:30", "Europe/Paris", false)]
    [InlineData("vendredi 8h America/New_York", null, DayOfWeek.Friday, "08:00", "America/New_York", false)]
    [InlineData("14h30 mer", "Europe/Paris", DayOfWeek.Wednesday, "14:30", "Europe/Paris", false)]
    [InlineData("monday", null, DayOfWeek.Monday, "09:00", "UTC", true)]
    [InlineData("25:00", "UTC", DayOfWeek.Monday, "09:00", "UTC", false)]
    public void Schedules_are_read_in_english_and_french_in_any_order(string arguments, string? conversationZone, DayOfWeek day, string time, string zone, bool assumed)
    {
        var request = DigestFeature.ParseSchedule(arguments, conversationZone);

        Assert.Equal((day, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone, assumed, (string?)null), (request.Day, request.Time, request.TimeZone, request.ZoneAssumed, request.UnknownZone));
    }

    [Fact]
    public void An_unknown_time_zone_is_named_back() =>
        Assert.Equal("Mars/Olympus", DigestFeature.ParseSchedule("monday Mars/Olympus", "UTC").UnknownZone);
}
