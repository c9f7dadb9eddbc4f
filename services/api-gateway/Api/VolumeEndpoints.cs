using System.Net;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Api;

/// <summary>
/// Named volumes (platform.io/v1 Volume) of every node, asked of the node agents, which own them:
/// `GET /apis/platform.io/v1/volumes`, `GET …/namespaces/{ns}/volumes`, `DELETE …/namespaces/{ns}/volumes/{name}`
/// (removed on every node holding it; 409 while a pod on a node claims it).
/// </summary>
public static class VolumeEndpoints
{
    private const string Base = "/apis/platform.io/v1";

    /// <summary>The agents' client has no timeout (logs stream for ever); a volume call gets this long.</summary>
    private static readonly TimeSpan AgentTimeout = TimeSpan.FromSeconds(10);

    public static void MapVolumes(this IEndpointRouteBuilder app)
    {
        app.MapGet(Base + "/volumes", (IGrainFactory grains, IHttpClientFactory clients, CancellationToken cancellationToken) =>
            List(null, grains, clients, cancellationToken));
        app.MapGet(Base + "/namespaces/{ns}/volumes", (string ns, IGrainFactory grains, IHttpClientFactory clients, CancellationToken cancellationToken) =>
            List(ns, grains, clients, cancellationToken));
        app.MapDelete(Base + "/namespaces/{ns}/volumes/{name}", Delete);
    }

    private static async Task<IResult> List(string? ns, IGrainFactory grains, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(LogEndpoints.AgentClient);
        var items = new List<NamedVolume>();
        foreach (var node in await NodesAsync(grains))
        {
            try
            {
                var list = await ReadAsync(client, $"{node.AgentEndpoint.TrimEnd('/')}/volumes", cancellationToken);
                items.AddRange(list.Where(v => ns is null || v.Metadata.Namespace == ns));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return ApiErrors.Unavailable($"the node agent of {node.Name} at {node.AgentEndpoint} did not answer: {e.Message}");
            }
        }

        var ordered = items.OrderBy(v => v.Metadata.Namespace, StringComparer.Ordinal).ThenBy(v => v.Metadata.Name, StringComparer.Ordinal).ThenBy(v => v.Status.NodeName, StringComparer.Ordinal);
        return Results.Json(new ObjectList<NamedVolume> { ApiVersion = NamedVolume.GroupVersion, Kind = "VolumeList", Items = [.. ordered] }, ApiJson.Options);
    }

    private static async Task<IResult> Delete(string ns, string name, IGrainFactory grains, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        var client = clients.CreateClient(LogEndpoints.AgentClient);
        var removedFrom = new List<string>();
        foreach (var node in await NodesAsync(grains))
        {
            var url = $"{node.AgentEndpoint.TrimEnd('/')}/volumes/{Uri.EscapeDataString(ns)}/{Uri.EscapeDataString(name)}";
            HttpResponseMessage response;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(AgentTimeout);
                response = await client.DeleteAsync(url, timeout.Token);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                return ApiErrors.Unavailable($"the node agent of {node.Name} at {node.AgentEndpoint} did not answer: {e.Message}");
            }

            using (response)
            {
                switch (response.StatusCode)
                {
                    case HttpStatusCode.NoContent:
                        removedFrom.Add(node.Name);
                        break;
                    case HttpStatusCode.Conflict:
                        var reason = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
                        return ApiErrors.Conflict($"volume \"{name}\" cannot be removed from node {node.Name}: {reason}");
                    case not HttpStatusCode.NotFound:
                        return ApiErrors.Unavailable($"the node agent of {node.Name} answered {(int)response.StatusCode} removing volume \"{name}\"");
                }
            }
        }

        return removedFrom.Count == 0
            ? ApiErrors.NotFound("volumes", name)
            : Results.Json(new Status { ApiVersion = "v1", Kind = "Status", Outcome = "Success", Message = $"volume \"{name}\" removed from {string.Join(", ", removedFrom)}", Code = 200 }, ApiJson.Options);
    }

    private static async Task<IReadOnlyList<NodeSnapshot>> NodesAsync(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).List(null);
        var nodes = await Task.WhenAll(names.Select(n => grains.GetGrain<INodeGrain>(n).GetSnapshot()));
        // A node that is not Ready would not answer; its volumes stay on its disk and show again when it is back.
        return nodes.OfType<NodeSnapshot>().Where(n => n.Ready && !string.IsNullOrEmpty(n.AgentEndpoint)).ToList();
    }

    private static async Task<List<NamedVolume>> ReadAsync(HttpClient client, string url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(AgentTimeout);
        using var response = await client.GetAsync(url, timeout.Token);
        response.EnsureSuccessStatusCode();
        var list = await response.Content.ReadFromJsonAsync<ObjectList<NamedVolume>>(ApiJson.Options, cancellationToken);
        return list?.Items ?? [];
    }
}
