namespace Platform.ImageStore.GarbageCollection;

/// <summary>`POST /admin/gc`: collect garbage now (the admin token is required, as for every write).</summary>
public static class AdminEndpoints
{
    public static void MapAdmin(this WebApplication app) =>
        app.MapPost("/admin/gc", async (GarbageCollector collector, CancellationToken cancellationToken) =>
            Results.Json(await collector.CollectAsync(cancellationToken)));
}
