using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Api;

/// <summary>The node resource: read-only here; nodes are created by their agents' registration.</summary>
public static class NodeEndpoints
{
    public static void MapNodes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/nodes", List);
        app.MapGet("/api/v1/nodes/{name}", Get);
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var names = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.NodeIndex).List(null);
        var nodes = await Task.WhenAll(names.Select(n => grains.GetGrain<INodeGrain>(n).Get()));
        var list = new ObjectList<Node> { ApiVersion = "v1", Kind = "NodeList", Items = nodes.OfType<Node>().ToList() };
        return Results.Json(list, ApiJson.Options);
    }

    private static async Task<IResult> Get(string name, IGrainFactory grains)
    {
        var node = await grains.GetGrain<INodeGrain>(name).Get();
        return node is null ? ApiErrors.NotFound("nodes", name) : Results.Json(node, ApiJson.Options);
    }
}
