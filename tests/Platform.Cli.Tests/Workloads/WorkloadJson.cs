using System.Text.Json.Nodes;

namespace Platform.Cli.Tests.Workloads;

/// <summary>Deployments and ReplicaSets as the server sends them, built as JSON for the rollout and watch tests.</summary>
internal static class WorkloadJson
{
    public static JsonNode Deployment(
        string name = "web", int replicas = 3, int updated = 3, int total = 3, int available = 3, long generation = 1, long observed = 1,
        string? progressingReason = null, string resourceVersion = "10", string age = "2025-01-01T11:59:00Z") => JsonNode.Parse($$"""
        {
          "apiVersion": "apps/v1", "kind": "Deployment",
          "metadata": { "name": "{{name}}", "namespace": "default", "uid": "uid-{{name}}", "generation": {{generation}},
                        "resourceVersion": "{{resourceVersion}}", "creationTimestamp": "{{age}}",
                        "annotations": { "deployment.kubernetes.io/revision": "2", "kubectl.kubernetes.io/last-applied-configuration": "{}" } },
          "spec": { "replicas": {{replicas}}, "selector": { "matchLabels": { "app": "{{name}}" } },
                    "template": { "metadata": { "labels": { "app": "{{name}}" } },
                                  "spec": { "containers": [ { "name": "main", "image": "busybox:latest", "env": [ { "name": "VERSION", "value": "v2" } ] } ] } } },
          "status": { "observedGeneration": {{observed}}, "replicas": {{total}}, "updatedReplicas": {{updated}}, "readyReplicas": {{available}},
                      "availableReplicas": {{available}},
                      "conditions": [ { "type": "Progressing", "status": "True", "reason": "{{progressingReason ?? "NewReplicaSetAvailable"}}" } ] }
        }
        """)!;

    public static JsonNode ReplicaSet(string name, long revision, string version, string owner = "uid-web", string? changeCause = null)
    {
        var cause = changeCause is null ? string.Empty : $$""", "kubernetes.io/change-cause": "{{changeCause}}" """;
        return JsonNode.Parse($$"""
        {
          "apiVersion": "apps/v1", "kind": "ReplicaSet",
          "metadata": { "name": "{{name}}", "namespace": "default", "resourceVersion": "{{revision}}",
                        "annotations": { "deployment.kubernetes.io/revision": "{{revision}}"{{cause}} },
                        "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "{{owner}}", "controller": true } ] },
          "spec": { "replicas": 0, "selector": { "matchLabels": { "app": "web", "pod-template-hash": "h{{revision}}" } },
                    "template": { "metadata": { "labels": { "app": "web", "pod-template-hash": "h{{revision}}" } },
                                  "spec": { "containers": [ { "name": "main", "image": "busybox:latest", "env": [ { "name": "VERSION", "value": "{{version}}" } ] } ] } } },
          "status": { "replicas": 0 }
        }
        """)!;
    }
}
