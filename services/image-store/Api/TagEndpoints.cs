using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>`/v2/<name>/tags/list`: the repository's tags, paginated.</summary>
public sealed class TagEndpoints(RepositoryStore repositories, TagStore tags)
{
    public IResult List(HttpContext context, RegistryRoute route)
    {
        if (!repositories.Exists(route.Name))
        {
            throw new RegistryException(RegistryError.NameUnknown(route.Name));
        }

        return Results.Json(new TagList(route.Name.Value, Pagination.Page(context, tags.List(route.Name))));
    }

    private sealed record TagList(string Name, IReadOnlyList<string> Tags);
}
