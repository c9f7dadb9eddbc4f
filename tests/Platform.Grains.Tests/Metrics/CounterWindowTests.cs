using Platform.Grains.Metrics;

namespace Platform.Grains.Tests.Metrics;

public class CounterWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(15);

    private static CounterWindow Filled(params (double Seconds, long Value)[] points)
    {
        var window = new CounterWindow(TimeSpan.FromMinutes(2));
        foreach (var (seconds, value) in points)
        {
            window.Add(new CounterPoint(Start.AddSeconds(seconds), value));
        }

        return window;
    }

    [Fact]
    public void The_rate_is_the_increase_over_the_span_of_the_window()
    {
        // Half a core: 0.5 s of CPU per second, 2 s apart.
        var window = Filled((0, 0), (2, 1_000_000_000), (4, 2_000_000_000), (6, 3_000_000_000));

        var rate = window.Rate(Start.AddSeconds(6), TimeSpan.FromSeconds(10), Stale)!.Value;

        Assert.Equal(500_000_000, rate.PerSecond);
        Assert.Equal(TimeSpan.FromSeconds(6), rate.Span);
    }

    [Fact]
    public void Only_readings_inside_the_window_count()
    {
        // Idle for the first 10 s, then one full core.
        var window = Filled((0, 0), (10, 0), (12, 2_000_000_000), (14, 4_000_000_000));

        var rate = window.Rate(Start.AddSeconds(14), TimeSpan.FromSeconds(4), Stale)!.Value;

        Assert.Equal(1_000_000_000, rate.PerSecond);
        Assert.Equal(TimeSpan.FromSeconds(4), rate.Span);
    }

    [Fact]
    public void A_window_shorter_than_the_interval_uses_the_last_two_readings()
    {
        var window = Filled((0, 0), (2, 200_000_000));

        var rate = window.Rate(Start.AddSeconds(2), TimeSpan.FromSeconds(1), Stale)!.Value;

        Assert.Equal(100_000_000, rate.PerSecond);
        Assert.Equal(TimeSpan.FromSeconds(2), rate.Span);
    }

    [Fact]
    public void An_interval_where_the_counter_went_down_is_left_out()
    {
        // The container restarted between 4 s and 6 s: its counter began again near zero.
        var window = Filled((0, 0), (2, 1_000), (4, 2_000), (6, 100), (8, 1_100));

        var rate = window.Rate(Start.AddSeconds(8), TimeSpan.FromSeconds(10), Stale)!.Value;

        Assert.Equal(3_000 / 6.0, rate.PerSecond);
        Assert.Equal(TimeSpan.FromSeconds(6), rate.Span);
    }

    [Fact]
    public void Only_resets_give_no_rate()
    {
        var window = Filled((0, 5_000), (2, 100));

        Assert.Null(window.Rate(Start.AddSeconds(2), TimeSpan.FromSeconds(10), Stale));
    }

    [Fact]
    public void One_reading_gives_no_rate()
    {
        var window = Filled((0, 5_000));

        Assert.Null(window.Rate(Start, TimeSpan.FromSeconds(10), Stale));
    }

    [Fact]
    public void A_stale_newest_reading_gives_no_rate()
    {
        var window = Filled((0, 0), (2, 1_000));

        Assert.NotNull(window.Rate(Start.AddSeconds(17), TimeSpan.FromSeconds(10), Stale));
        Assert.Null(window.Rate(Start.AddSeconds(17.5), TimeSpan.FromSeconds(10), Stale));
    }

    [Fact]
    public void Late_and_repeated_readings_are_ignored()
    {
        var window = Filled((0, 0), (4, 4_000));

        Assert.False(window.Add(new CounterPoint(Start.AddSeconds(2), 999_999)));
        Assert.False(window.Add(new CounterPoint(Start.AddSeconds(4), 999_999)));
        Assert.Equal(1_000, window.Rate(Start.AddSeconds(4), TimeSpan.FromSeconds(10), Stale)!.Value.PerSecond);
    }

    [Fact]
    public void Readings_older_than_the_retention_are_dropped()
    {
        var window = new CounterWindow(TimeSpan.FromSeconds(10));
        for (var second = 0; second <= 60; second += 2)
        {
            window.Add(new CounterPoint(Start.AddSeconds(second), second));
        }

        Assert.Equal(6, window.Count);
        Assert.Equal(TimeSpan.FromSeconds(10), window.Rate(Start.AddSeconds(60), TimeSpan.FromMinutes(5), Stale)!.Value.Span);
    }

    [Theory]
    [InlineData(500_000_000.0, 500)]
    [InlineData(1_000_000_000.0, 1000)]
    [InlineData(12_400_000.0, 12)]
    [InlineData(0.0, 0)]
    public void Nanoseconds_per_second_are_millicores(double perSecond, long millicores) =>
        Assert.Equal(millicores, PodMetricsGrain.Millicores(new CounterRate(perSecond, TimeSpan.FromSeconds(1))));
}
