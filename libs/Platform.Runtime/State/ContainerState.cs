namespace Platform.Runtime.State;

/// <summary>The OCI state of a container, as `state` prints it (runc's shape).</summary>
public sealed class ContainerState
{
    public string OciVersion { get; set; } = "1.0.2";
    public string Id { get; set; } = "";
    public string Status { get; set; } = ContainerStatus.Creating;
    public int Pid { get; set; }
    public string Bundle { get; set; } = "";
    public string Rootfs { get; set; } = "";
    public DateTimeOffset Created { get; set; }

    /// <summary>The process start time (field 22 of /proc/PID/stat), so a reused pid is not mistaken for the container.</summary>
    public ulong PidStartTime { get; set; }

    public string CgroupPath { get; set; } = "";
    public Dictionary<string, string>? Annotations { get; set; }
}

public static class ContainerStatus
{
    public const string Creating = "creating";
    public const string Created = "created";
    public const string Running = "running";
    public const string Stopped = "stopped";
}
