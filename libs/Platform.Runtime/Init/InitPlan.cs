namespace Platform.Runtime.Init;

/// <summary>
/// Everything the container's init does, prepared in native memory before the fork: the child of a
/// fork in a .NET process has only one thread, so it must not allocate (a collection would wait for
/// threads that no longer exist). It only reads this plan and makes system calls.
/// </summary>
public sealed unsafe class InitPlan
{
    public int CloneFlags { get; init; }
    public bool NewCgroupNamespace { get; init; }
    public byte* Rootfs { get; init; }
    public MountOperation[] Mounts { get; init; } = [];
    public DeviceOperation[] Devices { get; init; } = [];
    public SymlinkOperation[] Symlinks { get; init; } = [];
    public byte* Hostname { get; init; }
    public nuint HostnameLength { get; init; }
    public bool LoopbackUp { get; init; }
    public nint[] MaskedPaths { get; init; } = [];
    public nint[] ReadonlyPaths { get; init; } = [];
    public bool ReadonlyRoot { get; init; }
    public RlimitOperation[] Rlimits { get; init; } = [];
    public bool NoNewPrivileges { get; init; }
    public bool SetCapabilities { get; init; }
    public ulong BoundingCapabilities { get; init; }
    public ulong EffectiveCapabilities { get; init; }
    public ulong PermittedCapabilities { get; init; }
    public ulong InheritableCapabilities { get; init; }
    public uint Uid { get; init; }
    public uint Gid { get; init; }
    public uint[] AdditionalGids { get; init; } = [];
    public byte* WorkingDirectory { get; init; }
    public byte** Argv { get; init; }
    public byte** Envp { get; init; }
    public nint[] ExecCandidates { get; init; } = [];

    /// <summary>Null when the process runs at once (run); else the fifo `start` opens to let it exec (create).</summary>
    public byte* ExecFifo { get; init; }

    /// <summary>Existing namespaces to enter first, opened by the parent (set just before the fork).</summary>
    public NamespaceJoin[] Joins { get; set; } = [];

    public int GoFd { get; set; }
    public int ReportFd { get; set; }
}

public unsafe struct MountOperation
{
    public byte* Source;
    public byte* Target;
    public byte* Type;
    public ulong Flags;
    public byte* Data;
    public bool MakeDirectory;
    public bool MakeFile;
    public bool RemountReadonly;
}

public unsafe struct DeviceOperation
{
    public byte* HostPath;
    public byte* Target;
}

public unsafe struct SymlinkOperation
{
    public byte* LinkTarget;
    public byte* Path;
}

public struct RlimitOperation
{
    public int Resource;
    public ulong Soft;
    public ulong Hard;
}
