namespace Platform.EndToEnd.Tests.Pods;

/// <summary>Pod manifests the tests submit.</summary>
public static class Manifests
{
    /// <summary>A busybox pod running one shell command; a short grace period, as sleep as PID 1 ignores SIGTERM.</summary>
    public static string Pod(string name, string shellCommand, string restartPolicy = "Never", string? memoryLimit = null) => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          labels:
            test: e2e
        spec:
          restartPolicy: {restartPolicy}
          terminationGracePeriodSeconds: 2
          containers:
            - name: main
              image: busybox:latest
              command: ["sh", "-c", "{shellCommand}"]
              resources:
                requests:
                  cpu: 50m
                  memory: 8Mi
        {(memoryLimit is null ? "" : $"        limits:\n          memory: {memoryLimit}")}
        """;

    public static string HelloPodFile => Path.Combine(RepositoryLayout.Root, "examples", "hello-pod.yaml");
}
