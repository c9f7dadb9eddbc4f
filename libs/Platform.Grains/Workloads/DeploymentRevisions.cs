using System.Globalization;
using System.Text;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Validation;

namespace Platform.Grains.Workloads;

/// <summary>How a Deployment names and numbers the ReplicaSet of each template (Kubernetes' pod-template-hash and revision annotation).</summary>
public static class DeploymentRevisions
{
    public const string HashLabel = "pod-template-hash";
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    public const string ChangeCauseAnnotation = "kubernetes.io/change-cause";

    // Kubernetes' safe alphabet: a hash never spells a word.
    private const string Alphabet = "bcdf2456789ghjklmnpqrstvwxz";

    /// <summary>A short, stable hash of the template as its canonical JSON (map order does not matter).</summary>
    public static string TemplateHash(PodTemplateSpec template)
    {
        var hash = Fnv1a(Encoding.UTF8.GetBytes(SpecEquality.Canonical(template)));
        var text = new StringBuilder();
        do
        {
            text.Append(Alphabet[(int)(hash % (uint)Alphabet.Length)]);
            hash /= (uint)Alphabet.Length;
        }
        while (hash > 0);
        return text.ToString();
    }

    /// <summary>FNV-1a, 32 bits: stable across processes and versions, unlike string.GetHashCode.</summary>
    private static uint Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 2166136261u;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return hash;
    }

    public static long RevisionOf(IApiObject item) =>
        item.Metadata.Annotations?.GetValueOrDefault(RevisionAnnotation) is { } text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : 0;

    /// <summary>The ReplicaSet for the Deployment's current template, owned by it, selecting only its own pods.</summary>
    public static ReplicaSet NewReplicaSet(Deployment deployment, string hash, long revision)
    {
        var template = ApiClone(deployment.Spec.Template);
        template.Metadata.Labels = new Dictionary<string, string>(template.Metadata.Labels ?? []) { [HashLabel] = hash };
        var selector = ApiClone(deployment.Spec.Selector ?? new LabelSelector());
        selector.MatchLabels = new Dictionary<string, string>(selector.MatchLabels ?? []) { [HashLabel] = hash };
        var annotations = new Dictionary<string, string> { [RevisionAnnotation] = revision.ToString(CultureInfo.InvariantCulture) };
        if (deployment.Metadata.Annotations?.GetValueOrDefault(ChangeCauseAnnotation) is { } cause)
        {
            annotations[ChangeCauseAnnotation] = cause;
        }

        return new ReplicaSet
        {
            ApiVersion = "apps/v1",
            Kind = ReplicaSet.KindName,
            Metadata = new ObjectMeta
            {
                Name = $"{deployment.Metadata.Name}-{hash}",
                Namespace = deployment.Metadata.Namespace,
                Labels = template.Metadata.Labels,
                Annotations = annotations,
                OwnerReferences =
                [
                    new OwnerReference
                    {
                        ApiVersion = "apps/v1",
                        Kind = Deployment.KindName,
                        Name = deployment.Metadata.Name,
                        Uid = deployment.Metadata.Uid,
                        Controller = true,
                        BlockOwnerDeletion = true,
                    },
                ],
            },
            Spec = new ReplicaSetSpec
            {
                Replicas = 0,
                MinReadySeconds = deployment.Spec.MinReadySeconds,
                Selector = selector,
                Template = template,
            },
        };
    }

    private static T ApiClone<T>(T value) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options), ApiJson.Options)!;
}
