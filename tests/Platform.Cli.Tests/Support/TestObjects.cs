using Platform.Api.Model;

namespace Platform.Cli.Tests.Support;

/// <summary>Pods and nodes built in code against a fixed "now", for golden-output tests.</summary>
internal static class TestObjects
{
    public static readonly DateTimeOffset Now = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static Pod Pod(string name, TimeSpan age, params ContainerStatus[] statuses) => new()
    {
        ApiVersion = "v1",
        Kind = "Pod",
        Metadata = new ObjectMeta { Name = name, Namespace = "default", CreationTimestamp = Now - age },
        Spec = new PodSpec { Containers = statuses.Length == 0 ? [new Container { Name = "main", Image = "busybox" }] : statuses.Select(s => new Container { Name = s.Name, Image = "busybox" }).ToList() },
        Status = statuses.Length == 0 ? null : new PodStatus { Phase = PodPhases.Running, ContainerStatuses = [.. statuses] },
    };

    public static ContainerStatus Running(string name = "main", int restarts = 0) => new()
    {
        Name = name,
        Ready = true,
        RestartCount = restarts,
        State = new ContainerState { Running = new ContainerStateRunning { StartedAt = Now.AddMinutes(-1) } },
    };

    public static ContainerStatus Terminated(int exitCode, string? reason = null, string name = "main") => new()
    {
        Name = name,
        State = new ContainerState { Terminated = new ContainerStateTerminated { ExitCode = exitCode, Reason = reason } },
    };

    public static ContainerStatus Waiting(string reason, string name = "main") => new()
    {
        Name = name,
        State = new ContainerState { Waiting = new ContainerStateWaiting { Reason = reason } },
    };

    public static Pod WithPhase(this Pod pod, string phase)
    {
        pod.Status ??= new PodStatus();
        pod.Status.Phase = phase;
        return pod;
    }

    public static Pod OnNode(this Pod pod, string node, string hostIP)
    {
        pod.Spec.NodeName = node;
        pod.Status ??= new PodStatus();
        pod.Status.HostIP = hostIP;
        return pod;
    }

    public static Pod WithPodIP(this Pod pod, string podIP)
    {
        pod.Status ??= new PodStatus();
        pod.Status.PodIP = podIP;
        return pod;
    }

    public static Node Node(string name, TimeSpan age, string? ready, string? kubeletVersion = "v0.1.0") => new()
    {
        ApiVersion = "v1",
        Kind = "Node",
        Metadata = new ObjectMeta { Name = name, CreationTimestamp = Now - age },
        Status = new NodeStatus
        {
            Conditions = ready is null ? null : [new NodeCondition { Type = "Ready", Status = ready }],
            NodeInfo = kubeletVersion is null ? null : new NodeSystemInfo { KubeletVersion = kubeletVersion },
        },
    };
}
