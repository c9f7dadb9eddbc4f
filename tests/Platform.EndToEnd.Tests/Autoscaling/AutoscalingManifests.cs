namespace Platform.EndToEnd.Tests.Autoscaling;

/// <summary>Manifests of the autoscaling tests.</summary>
public static class AutoscalingManifests
{
    /// <summary>
    /// busybox pods requesting 100m CPU (limited to 200m) that burn CPU while /tmp/burn exists in their container, for at
    /// most 60 s at a time, and idle otherwise.
    /// </summary>
    public static string CpuBurner(string name) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
        spec:
          replicas: 1
          strategy:
            rollingUpdate: {maxSurge: 1, maxUnavailable: 0}
          selector:
            matchLabels: {app: {{name}}}
          template:
            metadata:
              labels: {app: {{name}}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
                - name: main
                  image: busybox:latest
                  command:
                    - sh
                    - -c
                    - |
                      trap 'exit 0' TERM
                      while true; do
                        if [ -e /tmp/burn ]; then
                          end=$(( $(date +%s) + 60 ))
                          while [ -e /tmp/burn ] && [ "$(date +%s)" -lt "$end" ]; do i=0; while [ $i -lt 20000 ]; do i=$((i+1)); done; done
                          rm -f /tmp/burn
                        fi
                        sleep 0.2
                      done
                  resources:
                    requests: {cpu: 100m, memory: 8Mi}
                    limits: {cpu: 200m}
        """;

    public static string Autoscaler(string name, int min, int max, int cpuPercent, int scaleDownWindowSeconds) => $$"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: {{name}}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{name}}}
          minReplicas: {{min}}
          maxReplicas: {{max}}
          metrics:
            - type: Resource
              resource:
                name: cpu
                target: {type: Utilization, averageUtilization: {{cpuPercent}}}
          behavior:
            scaleDown:
              stabilizationWindowSeconds: {{scaleDownWindowSeconds}}
        """;

    /// <summary>An autoscaler on the Pods metric requests_per_second (counted by the ingress), an AverageValue per pod.</summary>
    public static string RequestRateAutoscaler(string name, int min, int max, string averageValue, int scaleDownWindowSeconds) => $$"""
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: {{name}}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: {{name}}}
          minReplicas: {{min}}
          maxReplicas: {{max}}
          metrics:
            - type: Pods
              pods:
                metric: {name: requests_per_second}
                target: {type: AverageValue, averageValue: "{{averageValue}}"}
          behavior:
            scaleDown:
              stabilizationWindowSeconds: {{scaleDownWindowSeconds}}
        """;
}
