using System.Text.Json.Nodes;

namespace Platform.Cli.Commands.Rollout;

/// <summary>
/// What kubectl rollout undo sends: a JSON patch replacing the Deployment's pod template with the chosen
/// ReplicaSet's (without its pod-template-hash label) and its annotations with the ReplicaSet's, keeping
/// the Deployment's own bookkeeping annotations (last-applied, revision, ...) as they are.
/// </summary>
internal static class RollbackPatch
{
    public const string HashLabel = "pod-template-hash";

    /// <summary>The annotations kubectl never copies from a ReplicaSet back onto its Deployment.</summary>
    private static readonly string[] KeptOnDeployment =
    [
        "kubectl.kubernetes.io/last-applied-configuration",
        RolloutHistory.RevisionAnnotation,
        "deployment.kubernetes.io/revision-history",
        "deployment.kubernetes.io/desired-replicas",
        "deployment.kubernetes.io/max-replicas",
        "deprecated.deployment.rollback.to",
    ];

    /// <summary>The ReplicaSet's pod template without the label the Deployment controller added.</summary>
    public static JsonObject TemplateOf(JsonNode replicaSet)
    {
        var template = replicaSet["spec"]?["template"]?.DeepClone() as JsonObject ?? [];
        if (template["metadata"]?["labels"] is JsonObject labels)
        {
            labels.Remove(HashLabel);
        }

        return template;
    }

    /// <summary>Whether the Deployment already runs that template (kubectl then skips the rollback).</summary>
    public static bool Matches(JsonNode deployment, JsonNode replicaSet) =>
        JsonNode.DeepEquals(Normalised(deployment["spec"]?["template"]), Normalised(TemplateOf(replicaSet)));

    public static JsonArray Create(JsonNode deployment, JsonNode replicaSet)
    {
        var annotations = new JsonObject();
        foreach (var key in KeptOnDeployment)
        {
            if (RolloutHistory.Annotation(deployment, key) is { } value)
            {
                annotations[key] = value;
            }
        }

        if (replicaSet["metadata"]?["annotations"] is JsonObject fromSet)
        {
            foreach (var (key, value) in fromSet)
            {
                if (!KeptOnDeployment.Contains(key))
                {
                    annotations[key] = value?.DeepClone();
                }
            }
        }

        // JsonArray's params constructor: a collection expression would bind to the reflection-based Add<T>.
        return new JsonArray(
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/template", ["value"] = TemplateOf(replicaSet) },
            new JsonObject { ["op"] = "replace", ["path"] = "/metadata/annotations", ["value"] = annotations });
    }

    /// <summary>The template with its maps in key order, so two templates compare by content.</summary>
    private static JsonNode? Normalised(JsonNode? node) => node switch
    {
        JsonObject map => new JsonObject(map.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Normalised(p.Value)))),
        JsonArray list => new JsonArray([.. list.Select(Normalised)]),
        _ => node?.DeepClone(),
    };
}
