namespace Platform.EndToEnd.Tests.Services;

/// <summary>The Services and the busybox httpd Deployment the service tests submit.</summary>
public static class ServiceManifests
{
    public static string Service(string name, string app, string targetPort = "http", string extra = "") => $$"""
        apiVersion: v1
        kind: Service
        metadata:
          name: {{name}}
          labels:
            app: {{app}}
        spec:
          selector:
            app: {{app}}
          ports:
            - name: http
              port: 80
              targetPort: {{targetPort}}
        {{extra}}
        """;

    /// <summary>
    /// busybox httpd serving its pod's name, ready while /tmp/ready exists (an exec readiness probe every
    /// second), so a test takes a pod out of rotation by removing the file.
    /// </summary>
    public static string WebDeployment(string name, int replicas) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: {{name}}
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels:
              app: {{name}}
          template:
            metadata:
              labels:
                app: {{name}}
            spec:
              terminationGracePeriodSeconds: 1
              containers:
                - name: httpd
                  image: busybox:latest
                  command: ["sh", "-c", "mkdir -p /www && hostname > /www/index.html && touch /tmp/ready && exec httpd -f -p 8080 -h /www"]
                  ports:
                    - name: http
                      containerPort: 8080
                  readinessProbe:
                    exec:
                      command: ["test", "-f", "/tmp/ready"]
                    periodSeconds: 1
                    failureThreshold: 1
                  resources:
                    requests:
                      cpu: 10m
                      memory: 4Mi
        """;
}
