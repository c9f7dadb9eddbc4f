using Platform.Scheduling.Filters;
using static Platform.Scheduling.Tests.Nodes;

namespace Platform.Scheduling.Tests.Filters;

public class ResourcesFitFilterTests
{
    private readonly ResourcesFitFilter filter = new();

    [Fact]
    public void APodThatUsesExactlyWhatIsFreeFits() =>
        Assert.Null(filter.Reject(Pod(1000, 2 * Gi), Node("node-a", allocatedCpu: 3000, allocatedMemory: 6 * Gi)));

    [Fact]
    public void OneMilliCoreTooManyIsInsufficientCpu() =>
        Assert.Equal("Insufficient cpu", filter.Reject(Pod(1001, Gi), Node("node-a", allocatedCpu: 3000)));

    [Fact]
    public void OneByteTooManyIsInsufficientMemory() =>
        Assert.Equal("Insufficient memory", filter.Reject(Pod(100, (2 * Gi) + 1), Node("node-a", allocatedMemory: 6 * Gi)));

    [Fact]
    public void CpuIsReportedBeforeMemory() =>
        Assert.Equal("Insufficient cpu", filter.Reject(Pod(5000, 9 * Gi), Node("node-a")));

    [Fact]
    public void APodThatRequestsNothingFitsAFullNode() =>
        Assert.Null(filter.Reject(Pod(), Node("node-a", allocatedCpu: 4000, allocatedMemory: 8 * Gi)));
}
