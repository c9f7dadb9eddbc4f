using Platform.Api.Model;
using Platform.Api.Serialization;

namespace Platform.NodeAgent.Volumes;

/// <summary>
/// The node's named volumes: `GET /volumes` lists them with size and users; `DELETE
/// /volumes/{namespace}/{name}` removes one, 409 while a pod on the node names it.
/// </summary>
public static class VolumeEndpoints
{
    public static void MapNamedVolumes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/volumes", (NamedVolumeStore store) =>
            Results.Json(new ObjectList<NamedVolume> { ApiVersion = NamedVolume.GroupVersion, Kind = "VolumeList", Items = [.. store.List()] }, ApiJson.Options));
        app.MapDelete("/volumes/{ns}/{name}", Remove);
    }

    private static async Task<IResult> Remove(string ns, string name, NamedVolumeStore store, CancellationToken cancellationToken)
    {
        if (!NamedVolumeStore.IsValidName(ns) || !NamedVolumeStore.IsValidName(name))
        {
            return Results.Text($"volume {ns}/{name} is not on this node\n", statusCode: StatusCodes.Status404NotFound);
        }

        var (outcome, users) = await store.RemoveAsync(ns, name, cancellationToken);
        return outcome switch
        {
            NamedVolumeStore.RemoveOutcome.Removed => Results.NoContent(),
            NamedVolumeStore.RemoveOutcome.InUse => Results.Text($"volume {ns}/{name} is in use by pod {string.Join(", ", users)}\n", statusCode: StatusCodes.Status409Conflict),
            _ => Results.Text($"volume {ns}/{name} is not on this node\n", statusCode: StatusCodes.Status404NotFound),
        };
    }
}
