using Platform.Runtime.Init;

namespace Platform.Runtime.Spec;

/// <summary>The configuration runc's `spec` writes, with Docker's default capabilities and masked paths.</summary>
public static class DefaultSpec
{
    public static readonly string[] MaskedPaths =
    [
        "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
        "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware", "/proc/scsi",
    ];

    public static readonly string[] ReadonlyPaths =
        ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"];

    public static RuntimeSpec Create(IReadOnlyList<string> args) => new()
    {
        OciVersion = "1.0.2",
        Process = new SpecProcess
        {
            Args = [.. args],
            Env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "TERM=xterm"],
            Cwd = "/",
            User = new SpecUser(),
            NoNewPrivileges = true,
            Capabilities = new SpecCapabilities
            {
                Bounding = [.. Capabilities.DockerDefault],
                Effective = [.. Capabilities.DockerDefault],
                Permitted = [.. Capabilities.DockerDefault],
            },
            Rlimits = [new SpecRlimit { Type = "RLIMIT_NOFILE", Hard = 1024, Soft = 1024 }],
        },
        Root = new SpecRoot { Path = "rootfs", Readonly = false },
        Hostname = "container",
        Mounts =
        [
            new SpecMount { Destination = "/proc", Type = "proc", Source = "proc" },
            new SpecMount { Destination = "/dev", Type = "tmpfs", Source = "tmpfs", Options = ["nosuid", "strictatime", "mode=755", "size=65536k"] },
            new SpecMount { Destination = "/dev/pts", Type = "devpts", Source = "devpts", Options = ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620"] },
            new SpecMount { Destination = "/dev/shm", Type = "tmpfs", Source = "shm", Options = ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"] },
            new SpecMount { Destination = "/dev/mqueue", Type = "mqueue", Source = "mqueue", Options = ["nosuid", "noexec", "nodev"] },
            new SpecMount { Destination = "/sys", Type = "sysfs", Source = "sysfs", Options = ["nosuid", "noexec", "nodev", "ro"] },
        ],
        Linux = new SpecLinux
        {
            Namespaces = [new() { Type = "pid" }, new() { Type = "network" }, new() { Type = "ipc" }, new() { Type = "uts" }, new() { Type = "mount" }, new() { Type = "cgroup" }],
            MaskedPaths = [.. MaskedPaths],
            ReadonlyPaths = [.. ReadonlyPaths],
        },
    };
}
