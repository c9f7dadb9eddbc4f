using System.Text.Json.Nodes;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Cli.Client;

namespace Platform.Cli.Commands;

/// <summary>
/// Applies one manifest document: creates the object when the server does not have it, else replaces
/// it (carrying the live resourceVersion) and tells "configured" from "unchanged" by that version.
/// </summary>
internal static class DocumentApplier
{
    public const string PodApiVersion = "v1";

    public static async Task<string> ApplyAsync(CliContext context, JsonObject document, CancellationToken cancellationToken)
    {
        var name = RequirePod(document);
        var @namespace = ApiObjects.Namespace(document) ?? context.Namespace;
        var path = ApiPaths.Pod(@namespace, name);
        var live = await context.Api.FindAsync(path, cancellationToken);
        if (live is null)
        {
            await context.Api.PostAsync(ApiPaths.Pods(@namespace), document, cancellationToken);
            return $"pod/{name} created";
        }

        var liveVersion = ApiObjects.ResourceVersion(live);
        var updated = await context.Api.PutAsync(path, WithResourceVersion(document, liveVersion), cancellationToken);
        var changed = ApiObjects.ResourceVersion(updated) != liveVersion;
        return $"pod/{name} {(changed ? "configured" : "unchanged")}";
    }

    /// <summary>Checks the document is a v1 Pod with a name, and returns the name.</summary>
    private static string RequirePod(JsonObject document)
    {
        var (apiVersion, kind) = ManifestReader.ReadType(document);
        if (kind != Pod.KindName)
        {
            throw new CliException($"unknown kind \"{kind}\"");
        }

        if (apiVersion != PodApiVersion)
        {
            throw new CliException($"no matches for kind \"{kind}\" in version \"{apiVersion}\"");
        }

        return ApiObjects.Name(document) ?? throw new CliException("pod: metadata.name: Required value");
    }

    private static JsonObject WithResourceVersion(JsonObject document, string? resourceVersion)
    {
        var copy = (JsonObject)document.DeepClone();
        if (resourceVersion is not null)
        {
            if (copy["metadata"] is not JsonObject metadata)
            {
                metadata = [];
                copy["metadata"] = metadata;
            }

            metadata["resourceVersion"] = resourceVersion;
        }

        return copy;
    }
}
