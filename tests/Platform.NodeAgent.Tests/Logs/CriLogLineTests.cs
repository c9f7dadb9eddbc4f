using Platform.NodeAgent.Logs;

namespace Platform.NodeAgent.Tests.Logs;

public class CriLogLineTests
{
    [Fact]
    public void ParsesTimestampStreamAndText() =>
        Assert.Equal(
            new CriLogLine("2026-01-02T03:04:05.123456789Z", "stdout", "hello world"),
            CriLogLine.Parse("2026-01-02T03:04:05.123456789Z stdout F hello world"));

    [Fact]
    public void KeepsSpacesInTheText() =>
        Assert.Equal(
            new CriLogLine("2026-01-02T03:04:05.123456789Z", "stderr", "  a  b  "),
            CriLogLine.Parse("2026-01-02T03:04:05.123456789Z stderr F   a  b  "));

    [Fact]
    public void AnEmptyLineHasEmptyText() =>
        Assert.Equal(
            new CriLogLine("2026-01-02T03:04:05.000000000Z", "stdout", string.Empty),
            CriLogLine.Parse("2026-01-02T03:04:05.000000000Z stdout F "));

    [Fact]
    public void APartialLineTagIsAccepted() =>
        Assert.Equal(
            new CriLogLine("2026-01-02T03:04:05.000000000Z", "stdout", "part"),
            CriLogLine.Parse("2026-01-02T03:04:05.000000000Z stdout P part"));

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("2026-01-02T03:04:05.000000000Z stdout")]
    [InlineData("2026-01-02T03:04:05.000000000Z stdout F")]
    public void ALineWithTooFewPartsIsNotParsed(string line) =>
        Assert.Null(CriLogLine.Parse(line));
}
