using Platform.Api.Model;
using Platform.ApiGateway.Api;
using Platform.Grains.Abstractions;

namespace Platform.ApiGateway.Resources;

/// <summary>Objects can only be created in a namespace that exists and is not being deleted, as Kubernetes' admission says.</summary>
public static class NamespaceGuard
{
    public static async Task<IResult?> CheckWritable(IGrainFactory grains, string @namespace)
    {
        var ns = await grains.GetGrain<INamespaceGrain>(@namespace).Get();
        if (ns is null)
        {
            return ApiErrors.NotFound("namespaces", @namespace);
        }

        return ns.Status?.Phase == "Terminating"
            ? ApiErrors.Failure(403, "Forbidden", $"unable to create new content in namespace {@namespace} because it is being terminated")
            : null;
    }
}
