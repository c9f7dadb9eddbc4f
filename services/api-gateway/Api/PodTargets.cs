using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Api;

/// <summary>Which container of which pod on which node agent a log or exec request means, or the error to answer.</summary>
public sealed record PodTarget(string? PodUid, string? Container, string? AgentEndpoint, IResult? Error);

public static class PodTargets
{
    public static async Task<PodTarget> ResolveAsync(IGrainFactory grains, string ns, string name, string? container)
    {
        var pod = await grains.GetGrain<IPodGrain>(GrainKeys.Pod(ns, name)).Get();
        if (pod is null)
        {
            return Failed(ApiErrors.NotFound("pods", name));
        }

        var containers = pod.Spec.Containers.Select(c => c.Name!).ToList();
        if (string.IsNullOrEmpty(container) && containers.Count == 1)
        {
            container = containers[0];
        }

        if (!containers.Contains(container!))
        {
            return Failed(ApiErrors.BadRequest(string.IsNullOrEmpty(container)
                ? $"a container name must be specified for pod {name}, choose one of: [{string.Join(" ", containers)}]"
                : $"container {container} is not valid for pod {name}"));
        }

        var node = pod.Spec.NodeName is { } nodeName ? await grains.GetGrain<INodeGrain>(nodeName).GetSnapshot() : null;
        return node is null
            ? Failed(ApiErrors.BadRequest($"container \"{container}\" in pod \"{name}\" is waiting to start: the pod has no node yet"))
            : new PodTarget(pod.Metadata.Uid, container, node.AgentEndpoint, null);
    }

    private static PodTarget Failed(IResult error) => new(null, null, null, error);
}
