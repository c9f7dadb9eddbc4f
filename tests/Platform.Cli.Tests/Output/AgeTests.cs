using Platform.Cli.Output;

namespace Platform.Cli.Tests.Output;

public class AgeTests
{
    [Theory]
    [InlineData(0, "0s")]
    [InlineData(5, "5s")]
    [InlineData(119, "119s")]
    [InlineData(120, "2m")]
    [InlineData(182, "3m2s")]
    [InlineData(540, "9m")]
    [InlineData(599, "9m59s")]
    [InlineData(600, "10m")]
    [InlineData(12 * 60 + 40, "12m")]
    [InlineData(179 * 60, "179m")]
    [InlineData(3 * 3600, "3h")]
    [InlineData(3 * 3600 + 25 * 60, "3h25m")]
    [InlineData(8 * 3600 + 59 * 60, "8h")]
    [InlineData(47 * 3600, "47h")]
    [InlineData(2 * 86400, "2d")]
    [InlineData(2 * 86400 + 5 * 3600, "2d5h")]
    [InlineData(8 * 86400 + 5 * 3600, "8d")]
    [InlineData(800 * 86400, "2y70d")]
    [InlineData(9 * 365 * 86400, "9y")]
    [InlineData(-1, "0s")]
    [InlineData(-5, "<invalid>")]
    public void FormatsLikeKubectl(long seconds, string expected) =>
        Assert.Equal(expected, Age.Format(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void SinceMeasuresFromTheGivenNow()
    {
        var now = new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Equal("3m2s", Age.Since(now.AddSeconds(-182), now));
    }

    [Fact]
    public void UnknownTimeIsShownAsUnknown() =>
        Assert.Equal("<unknown>", Age.Since(null, DateTimeOffset.UnixEpoch));
}
