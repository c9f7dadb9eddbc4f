using Platform.Cli.Resources;

namespace Platform.Cli.Watching;

/// <summary>What a watch follows: one kind in one namespace (or all), narrowed by label and field selectors.</summary>
internal sealed record WatchTarget(ResourceKind Kind, string Namespace, bool AllNamespaces, string? LabelSelector, string? FieldSelector)
{
    /// <summary>The collection's list path with the selectors.</summary>
    public string ListPath => ResourcePaths.Collection(Kind, Namespace, AllNamespaces) + Query(null);

    /// <summary>The watch request from a resourceVersion (changes after it, in order).</summary>
    public string WatchPath(string resourceVersion) => ResourcePaths.Collection(Kind, Namespace, AllNamespaces) + Query(resourceVersion);

    private string Query(string? resourceVersion)
    {
        var parameters = new List<string>();
        if (resourceVersion is not null)
        {
            parameters.Add("watch=1");
            parameters.Add("resourceVersion=" + ResourcePaths.Escape(resourceVersion));
        }

        if (!string.IsNullOrEmpty(LabelSelector))
        {
            parameters.Add("labelSelector=" + ResourcePaths.Escape(LabelSelector));
        }

        if (!string.IsNullOrEmpty(FieldSelector))
        {
            parameters.Add("fieldSelector=" + ResourcePaths.Escape(FieldSelector));
        }

        return parameters.Count == 0 ? string.Empty : "?" + string.Join('&', parameters);
    }
}
