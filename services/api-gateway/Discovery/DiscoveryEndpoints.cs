using Platform.ApiGateway.Resources;

namespace Platform.ApiGateway.Discovery;

/// <summary>
/// Legacy (unaggregated) discovery, which kubectl falls back to when the answer is plain JSON:
/// /api and /apis name the group versions, and each group version lists its resources and verbs.
/// </summary>
public static class DiscoveryEndpoints
{
    public static void MapDiscovery(this IEndpointRouteBuilder app, ResourceRegistry registry)
    {
        app.MapGet("/api", () => Results.Json(new
        {
            kind = "APIVersions",
            versions = new[] { "v1" },
            serverAddressByClientCIDRs = new[] { new { clientCIDR = "0.0.0.0/0", serverAddress = "127.0.0.1" } },
        }));
        app.MapGet("/apis", () => Results.Json(new
        {
            kind = "APIGroupList",
            apiVersion = "v1",
            groups = Groups(registry).Select(g => GroupOf(g.Key, g.Value)).ToList(),
        }));
        foreach (var group in registry.ByGroupVersion())
        {
            var kind = group.First().Kind;
            var resources = group.SelectMany(ResourcesOf).ToList();
            app.MapGet(kind.BasePath, () => Results.Json(new { kind = "APIResourceList", apiVersion = "v1", groupVersion = kind.GroupVersion, resources }));
        }

        foreach (var (name, versions) in Groups(registry))
        {
            app.MapGet($"/apis/{name}", () => Results.Json(GroupOf(name, versions)));
        }
    }

    /// <summary>Each named group with its versions in registry order; the first is the preferred one (autoscaling: v2, then v1).</summary>
    private static Dictionary<string, List<string>> Groups(ResourceRegistry registry) =>
        registry.ByGroupVersion()
            .Select(g => g.First().Kind)
            .Where(k => k.Group.Length > 0)
            .GroupBy(k => k.Group)
            .ToDictionary(g => g.Key, g => g.Select(k => k.Version).Distinct().ToList());

    private static ApiGroup GroupOf(string group, List<string> versions)
    {
        var entries = versions.Select(v => new VersionEntry($"{group}/{v}", v)).ToList();
        return new ApiGroup("APIGroup", "v1", group, entries, entries[0]);
    }

    private static IEnumerable<object> ResourcesOf(ResourceHandler handler)
    {
        var kind = handler.Kind;
        yield return new
        {
            name = kind.Plural,
            singularName = kind.Singular,
            namespaced = kind.Namespaced,
            kind = kind.Kind,
            verbs = kind.Verbs,
            shortNames = kind.ShortNames,
            // Kubernetes' "all" category (kubectl get all); metrics.k8s.io's "pods" are not in it.
            categories = (kind.Group, kind.Plural) is ("", "pods") or ("", "services") or ("apps", "deployments") or ("apps", "replicasets")
                or ("autoscaling", "horizontalpodautoscalers") ? new[] { "all" } : [],
        };
        foreach (var sub in kind.Subresources)
        {
            var (subKind, verbs) = sub switch
            {
                "scale" => ("Scale", new[] { "get", "patch", "update" }),
                "log" => ("Pod", new[] { "get" }),
                "exec" => ("PodExecOptions", new[] { "create", "get" }),
                _ => (kind.Kind, new[] { "get" }),
            };
            yield return new { name = $"{kind.Plural}/{sub}", singularName = "", namespaced = kind.Namespaced, kind = subKind, verbs };
        }
    }

    private sealed record VersionEntry(string GroupVersion, string Version);

    private sealed record ApiGroup(string Kind, string ApiVersion, string Name, IReadOnlyList<VersionEntry> Versions, VersionEntry PreferredVersion);
}
