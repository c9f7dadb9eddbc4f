namespace Platform.Messaging.Tests;

public sealed class MessagePathHealthTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    [Fact]
    public void A_path_never_observed_is_not_known_healthy()
    {
        Assert.False(new MessagePathHealth().HealthyThroughout(Grace, Start));
    }

    [Fact]
    public void A_path_is_healthy_throughout_only_once_the_whole_period_has_passed_since_it_first_worked()
    {
        var health = new MessagePathHealth();
        health.Observe(true, Start);
        health.Observe(true, Start.AddSeconds(5));

        Assert.False(health.HealthyThroughout(Grace, Start.AddSeconds(9)));
        Assert.True(health.HealthyThroughout(Grace, Start.AddSeconds(10)));
    }

    [Fact]
    public void A_break_restarts_the_clock()
    {
        var health = new MessagePathHealth();
        health.Observe(true, Start);
        health.Observe(false, Start.AddSeconds(20));
        Assert.False(health.HealthyThroughout(Grace, Start.AddSeconds(21)));

        health.Observe(true, Start.AddSeconds(25));
        Assert.False(health.HealthyThroughout(Grace, Start.AddSeconds(34)));
        Assert.True(health.HealthyThroughout(Grace, Start.AddSeconds(35)));
    }
}
