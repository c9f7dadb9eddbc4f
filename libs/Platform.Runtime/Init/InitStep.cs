namespace Platform.Runtime.Init;

/// <summary>The steps of a container's init, so a failure in the child can be reported by number.</summary>
public enum InitStep
{
    WaitForParent = 1,
    JoinNamespace,
    CgroupNamespace,
    PrivatePropagation,
    BindRootfs,
    MakeMountPoint,
    Mount,
    Remount,
    CreateDevice,
    Symlink,
    Hostname,
    Loopback,
    PivotRoot,
    MaskPath,
    ReadonlyPath,
    ReadonlyRoot,
    Rlimit,
    NoNewPrivileges,
    DropBoundingCapability,
    SetCapabilities,
    SetGroups,
    SetGid,
    SetUid,
    WorkingDirectory,
    ResetSignals,
    WaitForStart,
    Exec,
}

public static class InitSteps
{
    public static string Describe(InitStep step) => step switch
    {
        InitStep.JoinNamespace => "joining an existing namespace",
        InitStep.MakeMountPoint => "creating a mount point",
        InitStep.Mount => "mounting",
        InitStep.Remount => "remounting read-only",
        InitStep.CreateDevice => "creating a device in /dev",
        InitStep.PivotRoot => "pivot_root into the root filesystem",
        InitStep.Rlimit => "setting an rlimit",
        InitStep.SetCapabilities => "setting capabilities",
        InitStep.WorkingDirectory => "changing to the working directory",
        InitStep.Exec => "exec of the container's process",
        _ => step.ToString(),
    };
}
