namespace Platform.EndToEnd.Tests.Pods;

/// <summary>Pod manifests the tests submit.</summary>
public static class Manifests
{
    public static string Pod(string name, string shellCommand, string restartPolicy = "Never") => $"""
        apiVersion: v1
        kind: Pod
        metadata:
          name: {name}
          labels:
            test: e2e
        spec:
          restartPolicy: {restartPolicy}
          containers:
            - name: main
              image: busybox:latest
              command: ["sh", "-c", "{shellCommand}"]
              resources:
                requests:
                  cpu: 50m
                  memory: 8Mi
        """;

    public static string HelloPodFile => Path.Combine(Infrastructure.RepositoryLayout.Root, "examples", "hello-pod.yaml");
}
