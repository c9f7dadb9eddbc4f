using System.Text.Json.Nodes;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands;

/// <summary>
/// Applies one manifest document: creates the object when the server does not have it, else replaces
/// it (carrying the live resourceVersion) and tells "configured" from "unchanged" by that version.
/// </summary>
internal static class DocumentApplier
{
    public static async Task<string> ApplyAsync(CliContext context, JsonObject document, CancellationToken cancellationToken)
    {
        var target = ManifestTarget.Of(document, context.Namespace);
        var live = await context.Resources.FindAsync(target.Kind, target.Namespace, target.Name, cancellationToken);
        if (live is null)
        {
            await context.Resources.CreateAsync(target.Kind, target.Namespace, document, cancellationToken);
            return $"{target.Display} created";
        }

        var liveVersion = ApiObjects.ResourceVersion(live);
        var updated = await context.Resources.ReplaceAsync(
            target.Kind, target.Namespace, target.Name, WithResourceVersion(document, liveVersion), cancellationToken);
        var changed = ApiObjects.ResourceVersion(updated) != liveVersion;
        return $"{target.Display} {(changed ? "configured" : "unchanged")}";
    }

    /// <summary>Creates the object; the server's AlreadyExists is the answer when the name is taken.</summary>
    public static async Task<string> CreateAsync(CliContext context, JsonObject document, CancellationToken cancellationToken)
    {
        var target = ManifestTarget.Of(document, context.Namespace);
        await context.Resources.CreateAsync(target.Kind, target.Namespace, document, cancellationToken);
        return $"{target.Display} created";
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
