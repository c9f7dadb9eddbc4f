namespace Platform.Api.Model;

public sealed class PodStatus
{
    public string? Phase { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public string? HostIP { get; set; }
    public string? PodIP { get; set; }
    public List<PodIP>? PodIPs { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public List<PodCondition>? Conditions { get; set; }
    public List<ContainerStatus>? ContainerStatuses { get; set; }
}

public sealed class PodCondition
{
    public string? Type { get; set; }
    public string? Status { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset? LastTransitionTime { get; set; }
}

public sealed class ContainerStatus
{
    public string? Name { get; set; }
    public string? Image { get; set; }
    public bool Ready { get; set; }
    public int RestartCount { get; set; }
    public ContainerState? State { get; set; }
    public ContainerState? LastState { get; set; }
}

public sealed class ContainerState
{
    public ContainerStateWaiting? Waiting { get; set; }
    public ContainerStateRunning? Running { get; set; }
    public ContainerStateTerminated? Terminated { get; set; }
}

public sealed class ContainerStateWaiting
{
    public string? Reason { get; set; }
    public string? Message { get; set; }
}

public sealed class ContainerStateRunning
{
    public DateTimeOffset? StartedAt { get; set; }
}

public sealed class ContainerStateTerminated
{
    public int ExitCode { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
}

/// <summary>The lifecycle phases of a pod, as Kubernetes names them.</summary>
public static class PodPhases
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Succeeded = "Succeeded";
    public const string Failed = "Failed";
    public const string Unknown = "Unknown";

    public static bool IsTerminal(string? phase) => phase is Succeeded or Failed;
}
