namespace Platform.EndToEnd.Tests.Workloads;

/// <summary>Deployment manifests the workload tests submit: busybox pods that sleep, stopped fast (sleep ignores SIGTERM).</summary>
public static class WorkloadManifests
{
    public static string Deployment(string name, int replicas, string version = "v1", int maxSurge = 1, int maxUnavailable = 0, string @namespace = "default", string? templateApp = null) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
          namespace: {{@namespace}}
          labels:
            app: {{name}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels:
              app: {{name}}
          strategy:
            type: RollingUpdate
            rollingUpdate:
              maxSurge: {{maxSurge}}
              maxUnavailable: {{maxUnavailable}}
          template:
            metadata:
              labels:
                app: {{templateApp ?? name}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
                - name: main
                  image: busybox:latest
                  command: ["sh", "-c", "sleep 3600"]
                  env:
                    - name: VERSION
                      value: "{{version}}"
                  resources:
                    requests:
                      cpu: 10m
                      memory: 4Mi
        """;
}
