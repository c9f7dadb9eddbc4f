using Platform.Api.Model;
using Platform.Api.Printing;
using Platform.ApiGateway.Tables;
using Platform.Grains.Abstractions;
using Platform.Grains.Abstractions.Services;

namespace Platform.ApiGateway.Resources.Kinds;

/// <summary>Endpoints are written by each Service's controller and read here (same name as the Service).</summary>
public sealed class EndpointsResource : ResourceHandler
{
    private const int ShownAddresses = 3;

    public override ResourceKind Kind { get; } = new("", "v1", "endpoints", Endpoints.KindName, true, ["ep"], ResourceKind.ReadVerbs, []);

    public override Type ObjectType => typeof(Endpoints);

    public override TableDefinition Table { get; } = new(
        [
            Columns.Name("endpoints"),
            new("Endpoints", "string", "Endpoints of the service: ready pod addresses and ports."),
            Columns.Age,
        ],
        (item, now) => Row((Endpoints)item, now));

    public override async Task<IReadOnlyList<IApiObject>> List(IGrainFactory grains, string? @namespace)
    {
        var prefix = @namespace is not null ? $"{@namespace}/" : null;
        var keys = await grains.GetGrain<IResourceIndexGrain>(GrainKeys.ServiceIndex).List(prefix);
        var items = await Task.WhenAll(keys.Select(k => grains.GetGrain<IServiceGrain>(k).GetEndpoints()));
        return items.OfType<Endpoints>().ToList();
    }

    public override async Task<IApiObject?> Get(IGrainFactory grains, string? @namespace, string name) =>
        await grains.GetGrain<IServiceGrain>(GrainKeys.Namespaced(@namespace!, name)).GetEndpoints();

    /// <summary>kubectl's column: the first three ready ip:port pairs, then "+ N more...".</summary>
    public static string Addresses(Endpoints e)
    {
        var pairs = (e.Subsets ?? [])
            .SelectMany(s => (s.Addresses ?? []).SelectMany(a => (s.Ports ?? []).Select(p => $"{a.Ip}:{p.Port}")))
            .ToList();
        if (pairs.Count == 0)
        {
            return "<none>";
        }

        var shown = string.Join(",", pairs.Take(ShownAddresses));
        return pairs.Count > ShownAddresses ? $"{shown} + {pairs.Count - ShownAddresses} more..." : shown;
    }

    private static object?[] Row(Endpoints e, DateTimeOffset now) =>
    [
        e.Metadata.Name,
        Addresses(e),
        Age.Since(e.Metadata.CreationTimestamp, now),
    ];
}
