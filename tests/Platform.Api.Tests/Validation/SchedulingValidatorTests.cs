using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Api.Tests.Support;
using Platform.Api.Validation;

namespace Platform.Api.Tests.Validation;

public class SchedulingValidatorTests
{
    private const string Affinity = "spec.affinity.nodeAffinity";
    private const string Required = Affinity + ".requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms";

    [Fact]
    public void AKubernetesManifestWithEveryFieldReadsAndIsValid()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              nodeSelector: {disktype: ssd}
              affinity:
                nodeAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                    nodeSelectorTerms:
                    - matchExpressions:
                      - {key: kubernetes.io/os, operator: In, values: [linux]}
                      - {key: gpu, operator: DoesNotExist}
                      - {key: cores, operator: Gt, values: ["4"]}
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 20
                    preference:
                      matchExpressions:
                      - {key: zone, operator: NotIn, values: [a, b]}
              tolerations:
              - {key: dedicated, operator: Equal, value: web, effect: NoSchedule}
              - {key: node.kubernetes.io/unreachable, operator: Exists, effect: NoExecute, tolerationSeconds: 30}
              - {operator: Exists}
              containers:
              - {name: main, image: busybox}
            """;

        var pod = ManifestReader.Deserialize<Pod>(ManifestReader.ReadDocuments(yaml).Single());

        Assert.Empty(PodValidator.ValidateCreate(pod));
        Assert.Equal("ssd", pod.Spec.NodeSelector!["disktype"]);
        var terms = pod.Spec.Affinity!.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms;
        Assert.Equal(["In", "DoesNotExist", "Gt"], terms.Single().MatchExpressions!.Select(e => e.Operator));
        Assert.Equal(20, pod.Spec.Affinity.NodeAffinity.PreferredDuringSchedulingIgnoredDuringExecution!.Single().Weight);
        Assert.Equal(30, pod.Spec.Tolerations![1].TolerationSeconds);
    }

    [Fact]
    public void AnUnknownFieldUnderAffinityIsRefusedWithItsPath()
    {
        const string yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              affinity: {podAntiAffinity: {}}
              containers: [{name: main, image: busybox}]
            """;

        var error = Assert.Throws<ManifestFormatException>(() => ManifestReader.Deserialize<Pod>(ManifestReader.ReadDocuments(yaml).Single()));

        Assert.Contains("spec.affinity.podAntiAffinity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NodeSelectorKeysAndValuesFollowLabelRules()
    {
        var pod = Pods.Valid();
        pod.Spec.NodeSelector = new() { ["/bad"] = "x", ["ok"] = "not valid!" };

        Assert.Equal(["spec.nodeSelector", "spec.nodeSelector[ok]"], Fields(pod));
    }

    [Fact]
    public void RequiredAffinityNeedsATerm()
    {
        var pod = WithRequired();

        Assert.Equal([$"{Required}: Required value: must have at least one node selector term"], Errors(pod));
    }

    [Fact]
    public void EachOperatorChecksItsValues()
    {
        var pod = WithRequired(
            new NodeSelectorRequirement { Key = "a", Operator = "In" },
            new NodeSelectorRequirement { Key = "b", Operator = "Exists", Values = ["x"] },
            new NodeSelectorRequirement { Key = "c", Operator = "Gt", Values = ["1", "2"] },
            new NodeSelectorRequirement { Key = "d", Operator = "Lt", Values = ["ten"] },
            new NodeSelectorRequirement { Key = "e", Operator = "Near", Values = ["x"] },
            new NodeSelectorRequirement { Operator = "NotIn", Values = ["bad value"] },
            new NodeSelectorRequirement { Key = "g" });

        var term = $"{Required}[0].matchExpressions";
        Assert.Equal(
        [
            $"{term}[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
            $"{term}[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
            $"{term}[2].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'",
            $"{term}[3].values[0]: Invalid value: \"ten\": must be an integer",
            $"{term}[4].operator: Unsupported value: \"Near\": supported values: \"In\", \"NotIn\", \"Exists\", \"DoesNotExist\", \"Gt\", \"Lt\"",
            $"{term}[5].key: Required value",
            $"{term}[5].values[0]: Invalid value: \"bad value\": a valid label value must be 63 characters or less, and consist of alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character",
            $"{term}[6].operator: Required value",
        ], Errors(pod));
    }

    [Fact]
    public void PreferredTermsNeedAWeightFrom1To100()
    {
        var pod = Pods.Valid();
        pod.Spec.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                PreferredDuringSchedulingIgnoredDuringExecution =
                [
                    new PreferredSchedulingTerm { Weight = 0, Preference = Term(new NodeSelectorRequirement { Key = "a", Operator = "Exists" }) },
                    new PreferredSchedulingTerm { Weight = 100, Preference = Term(new NodeSelectorRequirement { Key = "a", Operator = "Exists" }) },
                    new PreferredSchedulingTerm { Weight = 101, Preference = Term(new NodeSelectorRequirement { Key = "a", Operator = "In" }) },
                ],
            },
        };

        var preferred = $"{Affinity}.preferredDuringSchedulingIgnoredDuringExecution";
        Assert.Equal(
        [
            $"{preferred}[0].weight: Invalid value: \"0\": must be in the range 1-100",
            $"{preferred}[2].weight: Invalid value: \"101\": must be in the range 1-100",
            $"{preferred}[2].preference.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        ], Errors(pod));
    }

    [Fact]
    public void TolerationsFollowKubernetesRules()
    {
        var pod = Pods.Valid();
        pod.Spec.Tolerations =
        [
            new Toleration { Key = "a", Operator = "Exists", Value = "x" },
            new Toleration { Value = "x" },
            new Toleration { Key = "a", Operator = "Matches" },
            new Toleration { Key = "a", Value = "x", Effect = "NoRun" },
            new Toleration { Key = "a", Value = "x", Effect = "NoSchedule", TolerationSeconds = 5 },
            new Toleration { Key = "a", Value = "x", Effect = "NoExecute", TolerationSeconds = 5 },
            new Toleration { Operator = "Exists" },
        ];

        Assert.Equal(
        [
            "spec.tolerations[0].operator: Invalid value: \"Exists\": value must be empty when `operator` is 'Exists'",
            "spec.tolerations[1].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
            "spec.tolerations[2].operator: Unsupported value: \"Matches\": supported values: \"Exists\", \"Equal\"",
            "spec.tolerations[3].effect: Unsupported value: \"NoRun\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
            "spec.tolerations[4].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
        ], Errors(pod));
    }

    [Fact]
    public void TaintsNeedAKeyAKnownEffectAndNoDuplicates()
    {
        Taint[] taints =
        [
            new() { Key = "dedicated", Value = "gpu", Effect = "NoSchedule" },
            new() { Key = "dedicated", Value = "other", Effect = "NoSchedule" },
            new() { Value = "x", Effect = "NoExecute" },
            new() { Key = "a", Effect = "Never" },
            new() { Key = "b" },
            new() { Key = "dedicated", Effect = "PreferNoSchedule" },
        ];

        Assert.Equal(
        [
            "spec.taints[1]: Duplicate value: \"dedicated:NoSchedule\"",
            "spec.taints[2].key: Required value",
            "spec.taints[3].effect: Unsupported value: \"Never\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\"",
            "spec.taints[4].effect: Required value",
        ], SchedulingValidator.ValidateTaints(taints, "spec.taints").Select(e => e.ToString()));
    }

    [Fact]
    public void ChangingTolerationsOfAnExistingPodIsForbidden()
    {
        var existing = Pods.Valid();
        var updated = Pods.Valid();
        updated.Spec.Tolerations = [new Toleration { Operator = "Exists" }];

        Assert.Equal(["spec"], PodValidator.ValidateUpdate(updated, existing).Select(e => e.Field));
    }

    private static Pod WithRequired(params NodeSelectorRequirement[] expressions)
    {
        var pod = Pods.Valid();
        pod.Spec.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector { NodeSelectorTerms = expressions.Length == 0 ? [] : [Term(expressions)] },
            },
        };
        return pod;
    }

    private static NodeSelectorTerm Term(params NodeSelectorRequirement[] expressions) => new() { MatchExpressions = [.. expressions] };

    private static IEnumerable<string> Errors(Pod pod) => PodValidator.ValidateCreate(pod).Select(e => e.ToString());

    private static IEnumerable<string> Fields(Pod pod) => PodValidator.ValidateCreate(pod).Select(e => e.Field);
}
