using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>`/v2/_catalog`: every repository's name, paginated.</summary>
public sealed class CatalogEndpoints(RepositoryStore repositories)
{
    public IResult List(HttpContext context) =>
        Results.Json(new Catalog(Pagination.Page(context, repositories.Names())));

    private sealed record Catalog(IReadOnlyList<string> Repositories);
}
