using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>`/v2/<name>/referrers/<digest>`: an OCI index of the manifests whose subject is that digest.</summary>
public sealed class ReferrerEndpoints(ReferrerStore referrers)
{
    public async Task<IResult> ListAsync(HttpContext context, RegistryRoute route, CancellationToken cancellationToken)
    {
        var subject = Digest.Parse(route.Reference);
        var artifactType = context.Request.Query["artifactType"].ToString();
        var filter = string.IsNullOrEmpty(artifactType) ? null : artifactType;
        if (filter is not null)
        {
            context.Response.Headers[RegistryHeaders.FiltersApplied] = "artifactType";
        }

        var manifests = await referrers.ListAsync(route.Name, subject, filter, cancellationToken);
        return Results.Json(new ReferrersIndex(2, MediaTypes.OciIndex, manifests), contentType: MediaTypes.OciIndex);
    }

    private sealed record ReferrersIndex(int SchemaVersion, string MediaType, IReadOnlyList<Descriptor> Manifests);
}
