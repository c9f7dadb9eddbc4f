using System.Globalization;
using System.Text.Json.Nodes;
using Platform.ApiGateway.Resources;
using Platform.Grains.Abstractions.Watching;

namespace Platform.ApiGateway.Watching;

/// <summary>
/// How the cluster's changes look to one watch of one kind, namespace and selector, as the Kubernetes API server shows
/// them: an object that starts matching the selector arrives as ADDED, one that stops matching leaves as DELETED (its
/// last matching state, at the new resourceVersion), and changes outside the selection are not sent.
/// </summary>
public sealed class WatchSelection(string resource, string? @namespace, ListQuery query)
{
    /// <summary>Objects this watch has shown and not yet removed: what it knows when the log cannot say how an object was before.</summary>
    private readonly HashSet<string> shown = new(StringComparer.Ordinal);

    private bool Filtered => !query.Labels.IsEmpty || !query.Fields.IsEmpty;

    /// <summary>An object the watch sent in its initial list.</summary>
    public void Shown(string? objectNamespace, string? name) => shown.Add(Key(objectNamespace, name));

    /// <summary>The event this watch sends for <paramref name="change"/>, or null when it sends none.</summary>
    public (string Type, string Json)? Translate(ChangeEvent change)
    {
        if (change.Resource != resource || @namespace is not null && change.Namespace != @namespace)
        {
            return null;
        }

        if (!Filtered)
        {
            return (change.Type, change.Json);
        }

        var key = Key(change.Namespace, change.Name);
        var matchesNow = change.Type != ChangeTypes.Deleted && Matches(change.Json);
        var matchedBefore = change.Type switch
        {
            ChangeTypes.Added => false,
            ChangeTypes.Deleted => Matches(change.Json),
            _ => change.Previous is { } previous ? Matches(previous) : shown.Contains(key),
        };

        if (matchesNow)
        {
            shown.Add(key);
            return (matchedBefore ? change.Type : ChangeTypes.Added, change.Json);
        }

        shown.Remove(key);
        if (!matchedBefore)
        {
            return null;
        }

        return change.Type == ChangeTypes.Deleted
            ? (change.Type, change.Json)
            : (ChangeTypes.Deleted, AtRevision(change.Previous ?? change.Json, change.Revision));
    }

    private bool Matches(string json) => ObjectSelection.Matches(query, JsonNode.Parse(json)!);

    /// <summary>The object as it last matched, carrying the revision of the change that took it out.</summary>
    private static string AtRevision(string json, long revision)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        if (node["metadata"] is JsonObject metadata)
        {
            metadata["resourceVersion"] = revision.ToString(CultureInfo.InvariantCulture);
        }

        return node.ToJsonString();
    }

    private static string Key(string? objectNamespace, string? name) => $"{objectNamespace}/{name}";
}
