using Platform.Api.Model;

namespace Platform.Scheduling.Tests;

public class PodRequestTests
{
    [Fact]
    public void AStoredPodBecomesWhatPlacementReads()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Namespace = "team", Name = "web", Labels = new() { ["app"] = "web" } },
            Spec = new PodSpec
            {
                NodeName = "node-a",
                NodeSelector = new() { ["disk"] = "ssd" },
                Affinity = new Affinity { NodeAffinity = new NodeAffinity() },
                Tolerations = [new Toleration { Operator = "Exists" }],
                Containers =
                [
                    new Container { Name = "a", Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "250m", ["memory"] = "64Mi" } } },
                    new Container { Name = "b", Resources = new ResourceRequirements { Limits = new() { ["cpu"] = "1" } } },
                ],
            },
        };
        var layers = new Dictionary<string, long> { ["sha256:l"] = 7 };

        var request = PodRequest.From(pod, layers);

        Assert.Equal(("team", "web", "node-a"), (request.Namespace, request.Name, request.RequiredNodeName));
        Assert.Equal(new ResourceAmounts(1250, 64L << 20), request.Requests);
        Assert.Equal("web", request.Labels["app"]);
        Assert.Equal("ssd", request.NodeSelector["disk"]);
        Assert.Same(pod.Spec.Affinity.NodeAffinity, request.NodeAffinity);
        Assert.Single(request.Tolerations);
        Assert.Same(layers, request.ImageLayers);
    }

    [Fact]
    public void APodWithoutSchedulingFieldsHasEmptyOnes()
    {
        var request = PodRequest.From(new Pod { Metadata = new ObjectMeta { Namespace = "default", Name = "p" } });

        Assert.Empty(request.Labels);
        Assert.Empty(request.NodeSelector);
        Assert.Null(request.NodeAffinity);
        Assert.Empty(request.Tolerations);
        Assert.Empty(request.ImageLayers);
    }
}
