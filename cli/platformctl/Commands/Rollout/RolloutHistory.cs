using System.Globalization;
using System.Text.Json.Nodes;
using Platform.Cli.Output;
using Platform.Cli.Resources;

namespace Platform.Cli.Commands.Rollout;

/// <summary>
/// A Deployment's revisions as kubectl rollout history shows them: one per ReplicaSet it owns, numbered
/// by the annotation deployment.kubernetes.io/revision, with the change-cause annotation.
/// </summary>
internal static class RolloutHistory
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string ChangeCauseAnnotation = "kubernetes.io/change-cause";

    /// <summary>The ReplicaSets a Deployment controls (by owner uid), keyed by revision; sets without one are left out.</summary>
    public static SortedDictionary<long, JsonNode> Revisions(JsonNode deployment, IEnumerable<JsonNode> replicaSets)
    {
        var uid = ApiObjects.MetadataString(deployment, "uid");
        var revisions = new SortedDictionary<long, JsonNode>();
        foreach (var set in replicaSets.Where(set => IsOwnedBy(set, uid)))
        {
            if (RevisionOf(set) is { } revision)
            {
                revisions[revision] = set;
            }
        }

        return revisions;
    }

    public static long? RevisionOf(JsonNode item) =>
        Annotation(item, RevisionAnnotation) is { } text && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

    public static string? Annotation(JsonNode item, string key) =>
        item["metadata"]?["annotations"]?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>"deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         &lt;none&gt;\n..." (kubectl keeps the blank after the name).</summary>
    public static string Table(string display, SortedDictionary<long, JsonNode> revisions)
    {
        var rows = revisions.Select(pair => (IReadOnlyList<string>)[
            pair.Key.ToString(CultureInfo.InvariantCulture),
            TableWriter.OrNone(Annotation(pair.Value, ChangeCauseAnnotation)),
        ]);
        return $"{display} \n" + TableWriter.Render(["REVISION", "CHANGE-CAUSE"], rows) + "\n";
    }

    /// <summary>One revision: its pod template (labels, annotations, containers) as YAML, under kubectl's heading.</summary>
    public static string Detail(string display, long revision, JsonNode replicaSet)
    {
        var template = RollbackPatch.TemplateOf(replicaSet);
        var yaml = YamlOutput.Render(template);
        var indented = string.Concat(yaml.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => $"  {line}\n"));
        return string.Create(CultureInfo.InvariantCulture, $"{display} with revision #{revision}\nPod Template:\n{indented}");
    }

    private static bool IsOwnedBy(JsonNode set, string? uid) =>
        uid is not null
        && set["metadata"]?["ownerReferences"] is JsonArray owners
        && owners.Any(owner => owner?["uid"]?.ToString() == uid && owner?["controller"]?.GetValue<bool>() != false);
}
