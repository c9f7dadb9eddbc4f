using Platform.Api.Model;

namespace Platform.Api.Tests.Support;

/// <summary>Builders for valid pods that a test then breaks in one place.</summary>
internal static class Pods
{
    public static Pod Valid() => new()
    {
        ApiVersion = "v1",
        Kind = Pod.KindName,
        Metadata = new ObjectMeta
        {
            Name = "web-1",
            Namespace = "default",
            Labels = new() { ["app"] = "web", ["example.com/tier"] = "front_end-1.0" },
            Annotations = new() { ["example.com/owner"] = "team-a" },
        },
        Spec = new PodSpec
        {
            RestartPolicy = RestartPolicies.OnFailure,
            TerminationGracePeriodSeconds = 10,
            Containers =
            [
                new Container
                {
                    Name = "main",
                    Image = "busybox:1.36",
                    Command = ["sh", "-c"],
                    Args = ["echo hello; sleep 3600"],
                    Env = [new EnvVar { Name = "GREETING", Value = "hi" }, new EnvVar { Name = "my.var-1", Value = null }],
                    Resources = new ResourceRequirements
                    {
                        Requests = new() { ["cpu"] = "250m", ["memory"] = "64Mi" },
                        Limits = new() { ["cpu"] = "500m", ["memory"] = "128Mi" },
                    },
                },
                new Container { Name = "sidecar", Image = "busybox" },
            ],
        },
    };

    public static Container Container(string name, Dictionary<string, string>? requests = null, Dictionary<string, string>? limits = null) => new()
    {
        Name = name,
        Image = "busybox",
        Resources = requests is null && limits is null ? null : new ResourceRequirements { Requests = requests, Limits = limits },
    };
}
