using System.Text.Json.Nodes;
using Platform.Cli.Client;

namespace Platform.Cli.Resources;

/// <summary>
/// Reads and writes objects of any kind through their Kubernetes-shaped paths. A 404 without details
/// means the server has no such path at all: the kind is not served, which kubectl reports as
/// "the server doesn't have a resource type".
/// </summary>
internal sealed class ResourceClient(ApiClient api)
{
    public Task<JsonNode> ListAsync(
        ResourceKind kind, string @namespace, bool allNamespaces, CancellationToken cancellationToken, LabelSelector? selector = null)
    {
        var path = ResourcePaths.Collection(kind, @namespace, allNamespaces);
        var query = selector is null ? string.Empty : "?labelSelector=" + ResourcePaths.Escape(selector.Text);
        return ForKindAsync(kind, () => api.GetAsync(path + query, cancellationToken));
    }

    public Task<JsonNode> GetAsync(ResourceKind kind, string @namespace, string name, CancellationToken cancellationToken) =>
        ForKindAsync(kind, () => api.GetAsync(ResourcePaths.Item(kind, @namespace, name), cancellationToken));

    /// <summary>The object, or null when the server has the kind but not this object.</summary>
    public async Task<JsonNode?> FindAsync(ResourceKind kind, string @namespace, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(kind, @namespace, name, cancellationToken);
        }
        catch (ApiException e) when (e.IsNotFound)
        {
            return null;
        }
    }

    public Task<JsonNode> CreateAsync(ResourceKind kind, string @namespace, JsonNode body, CancellationToken cancellationToken) =>
        ForKindAsync(kind, () => api.PostAsync(ResourcePaths.Collection(kind, @namespace), body, cancellationToken));

    public Task<JsonNode> ReplaceAsync(ResourceKind kind, string @namespace, string name, JsonNode body, CancellationToken cancellationToken) =>
        ForKindAsync(kind, () => api.PutAsync(ResourcePaths.Item(kind, @namespace, name), body, cancellationToken));

    public Task<JsonNode> DeleteAsync(ResourceKind kind, string @namespace, string name, CancellationToken cancellationToken) =>
        ForKindAsync(kind, () => api.DeleteAsync(ResourcePaths.Item(kind, @namespace, name), cancellationToken));

    private static async Task<JsonNode> ForKindAsync(ResourceKind kind, Func<Task<JsonNode>> request)
    {
        try
        {
            return await request();
        }
        catch (ApiException e) when (e.IsUnknownPath)
        {
            throw new CliException($"the server doesn't have a resource type \"{kind.Plural}\"");
        }
    }
}
