using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Tests.Pods;

public class RestartBackoffTests
{
    [Theory]
    [InlineData(0, 10)]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(3, 80)]
    [InlineData(4, 160)]
    [InlineData(5, 300)]
    [InlineData(6, 300)]
    [InlineData(10, 300)]
    [InlineData(11, 300)]
    [InlineData(1000, 300)]
    [InlineData(int.MaxValue, 300)]
    public void DoublesFromTenSecondsUpToFiveMinutes(int restartCount, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RestartBackoff.Delay(restartCount));

    [Fact]
    public void BoundsAreTenSecondsAndFiveMinutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), RestartBackoff.Initial);
        Assert.Equal(TimeSpan.FromMinutes(5), RestartBackoff.Maximum);
    }
}
