using Platform.Cli.Commands;

namespace Platform.Cli.Tests.Commands;

public class LogsSinceTests
{
    private static readonly DateTimeOffset Since = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("2025-01-01T12:00:00.000000001Z hello", "hello")]
    [InlineData("2025-01-01T12:00:00Z at the cut-off", "at the cut-off")]
    [InlineData("2025-01-01T11:59:59.999999999Z too old", null)]
    [InlineData("no timestamp at all", null)]
    public void KeepsLinesFromTheCutOffOnAndStripsTheirTimestamp(string line, string? expected) =>
        Assert.Equal(expected, new LogsCommand.SinceFilter(Since, KeepTimestamps: false).Select(line));

    [Fact]
    public void KeepsTheTimestampWhenAskedFor() =>
        Assert.Equal("2025-01-01T12:00:01Z hi", new LogsCommand.SinceFilter(Since, KeepTimestamps: true).Select("2025-01-01T12:00:01Z hi"));

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("500ms", 0.5)]
    public void ReadsGoDurations(string text, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Durations.Parse(text, "--since"));
}
