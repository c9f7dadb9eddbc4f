using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;

namespace Platform.Api.Tests.Model;

public class ResourceUsageTests
{
    [Theory]
    [InlineData(12, 3_538_944, "12m", "3456Ki")]
    [InlineData(0, 0, "0", "0")]
    [InlineData(1000, 1_073_741_824, "1", "1Gi")]
    [InlineData(1500, 52_428_800, "1500m", "50Mi")]
    [InlineData(3, 1000, "3m", "1000")]
    public void Usage_is_in_Kubernetes_quantities(long millicores, long bytes, string cpu, string memory)
    {
        var usage = ResourceUsage.Of(millicores, bytes);

        Assert.Equal(cpu, usage["cpu"]);
        Assert.Equal(memory, usage["memory"]);
    }

    [Theory]
    [InlineData(2000, "2s")]
    [InlineData(10_500, "10.5s")]
    [InlineData(2_003, "2.003s")]
    [InlineData(90_000, "1m30s")]
    [InlineData(60_000, "1m0s")]
    public void Windows_are_Go_durations(int milliseconds, string text) =>
        Assert.Equal(text, ResourceUsage.GoDuration(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Pod_metrics_serialize_as_metrics_server_writes_them()
    {
        var metrics = new PodMetrics
        {
            ApiVersion = PodMetrics.GroupVersion,
            Kind = PodMetrics.KindName,
            Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
            Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Window = "10s",
            Containers = [new ContainerMetrics { Name = "web", Usage = ResourceUsage.Of(12, 3_538_944) }],
        };

        var json = JsonSerializer.Serialize(metrics, ApiJson.Options);

        Assert.Contains("\"apiVersion\":\"metrics.k8s.io/v1beta1\"", json, StringComparison.Ordinal);
        Assert.Contains("\"window\":\"10s\"", json, StringComparison.Ordinal);
        Assert.Contains("\"containers\":[{\"name\":\"web\",\"usage\":{\"cpu\":\"12m\",\"memory\":\"3456Ki\"}}]", json, StringComparison.Ordinal);
    }
}
