namespace Platform.Api.Model;

/// <summary>Identity settings for every container of a pod (`spec.securityContext`); a container's own settings win.</summary>
public sealed class PodSecurityContext
{
    public long? RunAsUser { get; set; }
    public long? RunAsGroup { get; set; }
    public bool? RunAsNonRoot { get; set; }
    public List<long>? SupplementalGroups { get; set; }
}

/// <summary>A container's security settings (`containers[].securityContext`), as Kubernetes names them.</summary>
public sealed class SecurityContext
{
    public long? RunAsUser { get; set; }
    public long? RunAsGroup { get; set; }
    public bool? RunAsNonRoot { get; set; }
    public bool? ReadOnlyRootFilesystem { get; set; }
    public bool? AllowPrivilegeEscalation { get; set; }
    public bool? Privileged { get; set; }
    public Capabilities? Capabilities { get; set; }
}

/// <summary>Capabilities to add to or drop from the default set, named without the CAP_ prefix ("NET_ADMIN", or "ALL").</summary>
public sealed class Capabilities
{
    public List<string>? Add { get; set; }
    public List<string>? Drop { get; set; }
}

/// <summary>The Linux capability names a pod may add or drop.</summary>
public static class LinuxCapabilities
{
    public const string All = "ALL";

    public static readonly IReadOnlyList<string> Names =
    [
        "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
        "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
        "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
        "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
        "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF",
        "CHECKPOINT_RESTORE",
    ];

    /// <summary>"NET_ADMIN" or "CAP_NET_ADMIN" (containerd accepts both) as the bare name, or null when unknown.</summary>
    public static string? Normalize(string? name)
    {
        var bare = name is not null && name.StartsWith("CAP_", StringComparison.Ordinal) ? name[4..] : name;
        return bare is not null && (bare == All || Names.Contains(bare)) ? bare : null;
    }
}
