using System.Text.Json;

namespace Platform.ImageStore.BuildCache;

/// <summary>
/// <c>/buildcache/v1/</c>: the build cache every node agent shares. GET is open like pulls; PUT needs
/// the admin token like pushes (the registry's authentication middleware decides both).
/// </summary>
public static class BuildCacheEndpoints
{
    public static void MapBuildCache(this WebApplication app)
    {
        app.MapGet("/buildcache/v1/entries/{key}", async (string key, BuildCacheStore store, CancellationToken cancellationToken) =>
            !BuildCacheStore.IsKey(key) ? BadKey("key")
            : await store.ReadAsync(key, cancellationToken) is { } content ? Results.Bytes(content, "application/json")
            : Results.NotFound());
        app.MapGet("/buildcache/v1/children/{parent}", async (string parent, BuildCacheStore store, CancellationToken cancellationToken) =>
            BuildCacheStore.IsKey(parent) ? Results.Json(await store.ChildrenAsync(parent, cancellationToken)) : BadKey("parent"));
        app.MapPut("/buildcache/v1/entries/{key}", async (string key, HttpRequest request, BuildCacheStore store, CancellationToken cancellationToken) =>
        {
            if (!BuildCacheStore.IsKey(key))
            {
                return BadKey("key");
            }

            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, cancellationToken);
            if (body.Length > BuildCacheStore.MaxEntryBytes)
            {
                return Results.Problem($"a cache entry is at most {BuildCacheStore.MaxEntryBytes} bytes", statusCode: 413);
            }

            string? parent;
            try
            {
                using var document = JsonDocument.Parse(body.ToArray());
                parent = document.RootElement.TryGetProperty("parent", out var value) ? value.GetString() : null;
                if (!document.RootElement.TryGetProperty("key", out var named) || named.GetString() != key)
                {
                    return Results.BadRequest(new { message = "the entry's key must equal the key in the path", field = "key" });
                }
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { message = $"invalid JSON: {e.Message}" });
            }

            if (parent is null || !BuildCacheStore.IsKey(parent))
            {
                return BadKey("parent");
            }

            await store.WriteAsync(key, parent, body.ToArray(), cancellationToken);
            return Results.NoContent();
        });
    }

    private static IResult BadKey(string field) =>
        Results.BadRequest(new { message = $"{field} must be 64 lower-case hex digits (a sha256)", field });
}
