using Platform.Runtime.Linux;

namespace Platform.Runtime.Init;

/// <summary>
/// What the forked child does, in order, to become the container: mounts, pivot_root, limits,
/// identity, then exec. It runs in a single-threaded child of a .NET process and so allocates
/// nothing; a failure is reported to the parent as (step, errno) and the child exits.
/// </summary>
public static unsafe class ContainerInit
{
    private const int ReadyStep = 0;

    public static void Run(InitPlan plan)
    {
        byte go;
        Check(Libc.read(plan.GoFd, &go, 1) == 1 ? 0 : -1, InitStep.WaitForParent, plan);
        Libc.close(plan.GoFd);
        foreach (var join in plan.Joins)
        {
            Check(Libc.setns(join.Fd, join.Type), InitStep.JoinNamespace, plan);
        }

        if (plan.NewCgroupNamespace)
        {
            Check(Libc.unshare(Native.CloneNewCgroup), InitStep.CgroupNamespace, plan);
        }

        PrepareRootfs(plan);
        EnterRootfs(plan);
        ApplyLimits(plan);
        SetIdentity(plan);
        Check(Libc.chdir(plan.WorkingDirectory), InitStep.WorkingDirectory, plan);
        ResetSignals();
        Native.Syscall(Native.SysCloseRange, 3, uint.MaxValue, Native.CloseRangeCloexec);
        Report(plan.ReportFd, ReadyStep, 0);
        WaitForStart(plan);
        Exec(plan);
    }

    private static void PrepareRootfs(InitPlan plan)
    {
        Check(Libc.mount(null, Utf8Root, null, Native.MsRec | Native.MsPrivate, null), InitStep.PrivatePropagation, plan);
        Check(Libc.mount(plan.Rootfs, plan.Rootfs, null, Native.MsBind | Native.MsRec, null), InitStep.BindRootfs, plan);
        foreach (var mount in plan.Mounts)
        {
            PerformMount(mount, plan);
        }

        foreach (var device in plan.Devices)
        {
            var fd = Libc.open(device.Target, Native.OCreat | Native.OWronly | Native.OCloexec, 0x1b6);
            Check(fd < 0 ? -1 : Libc.close(fd), InitStep.CreateDevice, plan);
            Check(Libc.mount(device.HostPath, device.Target, null, Native.MsBind, null), InitStep.CreateDevice, plan);
        }

        foreach (var link in plan.Symlinks)
        {
            if (Libc.symlink(link.LinkTarget, link.Path) != 0 && Libc.Errno != Libc.EEXIST)
            {
                Fail(InitStep.Symlink, plan);
            }
        }

        if (plan.Hostname is not null)
        {
            Check(Libc.sethostname(plan.Hostname, plan.HostnameLength), InitStep.Hostname, plan);
        }

        if (plan.LoopbackUp)
        {
            Check(Loopback.BringUp(), InitStep.Loopback, plan);
        }
    }

    /// <summary>Mounts onto the destination opened beneath the rootfs, through its descriptor: no path is resolved twice.</summary>
    private static void PerformMount(MountOperation mount, InitPlan plan)
    {
        var target = stackalloc byte[32];
        var fd = MountTargets.Open(plan.Rootfs, mount.RelativeTarget, mount.MakeDirectory, mount.MakeFile);
        Check(fd, InitStep.MakeMountPoint, plan);
        var bind = MountOptions.IsBind(mount.Flags);
        Check(Libc.mount(mount.Source, MountTargets.ProcPath(fd, target), mount.Type, mount.Flags & ~Native.MsRdonly | (bind ? 0 : mount.Flags & Native.MsRdonly), mount.Data), InitStep.Mount, plan);
        Libc.close(fd);
        if (mount.RemountReadonly)
        {
            // Opened again: the descriptor now names the root of the new mount, not the directory under it.
            fd = MountTargets.Open(plan.Rootfs, mount.RelativeTarget, makeDirectory: false, makeFile: false);
            Check(fd, InitStep.Remount, plan);
            Check(Libc.mount(null, MountTargets.ProcPath(fd, target), null, Native.MsRemount | Native.MsBind | Native.MsRdonly | (mount.Flags & (Native.MsNosuid | Native.MsNodev | Native.MsNoexec)), null), InitStep.Remount, plan);
            Libc.close(fd);
        }
    }

    /// <summary>pivot_root with the old root stacked under the new one, then detached: no host path stays reachable.</summary>
    private static void EnterRootfs(InitPlan plan)
    {
        Check(Libc.chdir(plan.Rootfs), InitStep.PivotRoot, plan);
        Check((int)Native.Syscall(Native.SysPivotRoot, (long)Utf8Dot, (long)Utf8Dot), InitStep.PivotRoot, plan);
        Check(Libc.umount2(Utf8Dot, Native.MntDetach), InitStep.PivotRoot, plan);
        Check(Libc.chdir(Utf8Root), InitStep.PivotRoot, plan);
        foreach (var path in plan.MaskedPaths)
        {
            Mask((byte*)path, plan);
        }

        foreach (var path in plan.ReadonlyPaths)
        {
            MakeReadonly((byte*)path, plan);
        }

        if (plan.ReadonlyRoot)
        {
            Check(Libc.mount(null, Utf8Root, null, Native.MsRemount | Native.MsBind | Native.MsRdonly, null), InitStep.ReadonlyRoot, plan);
        }
    }

    private static void Mask(byte* path, InitPlan plan)
    {
        if (Libc.mount(Utf8DevNull, path, null, Native.MsBind, null) == 0 || Libc.Errno == Libc.ENOENT)
        {
            return;
        }

        // A directory cannot take /dev/null over it: an empty read-only tmpfs hides it instead.
        Check(Libc.mount(Utf8Tmpfs, path, Utf8Tmpfs, Native.MsRdonly, null), InitStep.MaskPath, plan);
    }

    private static void MakeReadonly(byte* path, InitPlan plan)
    {
        if (Libc.mount(path, path, null, Native.MsBind | Native.MsRec, null) != 0)
        {
            if (Libc.Errno == Libc.ENOENT)
            {
                return;
            }

            Fail(InitStep.ReadonlyPath, plan);
        }

        Check(Libc.mount(path, path, null, Native.MsBind | Native.MsRec | Native.MsRemount | Native.MsRdonly, null), InitStep.ReadonlyPath, plan);
    }

    /// <summary>Rlimits can only be lowered here (no CAP_SYS_RESOURCE), so each is clamped to the current hard limit.</summary>
    internal static void ApplyLimits(InitPlan plan)
    {
        var current = stackalloc ulong[2];
        var wanted = stackalloc ulong[2];
        foreach (var limit in plan.Rlimits)
        {
            Check((int)Native.Syscall(Native.SysPrlimit64, 0, limit.Resource, 0, (long)current), InitStep.Rlimit, plan);
            wanted[1] = Math.Min(limit.Hard, current[1]);
            wanted[0] = Math.Min(limit.Soft, wanted[1]);
            Check((int)Native.Syscall(Native.SysPrlimit64, 0, limit.Resource, (long)wanted, 0), InitStep.Rlimit, plan);
        }

        if (plan.NoNewPrivileges)
        {
            Check((int)Native.Syscall(Native.SysPrctl, Native.PrSetNoNewPrivs, 1, 0, 0, 0), InitStep.NoNewPrivileges, plan);
        }
    }

    internal static void SetIdentity(InitPlan plan)
    {
        if (plan.SetCapabilities)
        {
            for (var capability = 0; capability <= Capabilities.Last; capability++)
            {
                if ((plan.BoundingCapabilities & (1UL << capability)) == 0
                    && Native.Syscall(Native.SysPrctl, Native.PrCapbsetDrop, capability, 0, 0, 0) != 0 && Libc.Errno != Libc.EINVAL)
                {
                    Fail(InitStep.DropBoundingCapability, plan);
                }
            }

            // Keep the permitted set across setuid so the capabilities set below still apply to a non-root user.
            Native.Syscall(Native.SysPrctl, 8, 1, 0, 0, 0);
        }

        fixed (uint* groups = plan.AdditionalGids)
        {
            Check((int)Native.Syscall(Native.SysSetgroups, plan.AdditionalGids.Length, (long)groups, 0, 0, 0), InitStep.SetGroups, plan);
        }

        Check((int)Native.Syscall(Native.SysSetgid, plan.Gid, 0, 0, 0, 0), InitStep.SetGid, plan);
        Check((int)Native.Syscall(Native.SysSetuid, plan.Uid, 0, 0, 0, 0), InitStep.SetUid, plan);
        if (plan.SetCapabilities)
        {
            SetCapabilitySets(plan);
        }
    }

    private static void SetCapabilitySets(InitPlan plan)
    {
        var header = stackalloc uint[2];
        header[0] = 0x20080522;
        header[1] = 0;
        var data = stackalloc uint[6];
        data[0] = (uint)plan.EffectiveCapabilities;
        data[1] = (uint)plan.PermittedCapabilities;
        data[2] = (uint)plan.InheritableCapabilities;
        data[3] = (uint)(plan.EffectiveCapabilities >> 32);
        data[4] = (uint)(plan.PermittedCapabilities >> 32);
        data[5] = (uint)(plan.InheritableCapabilities >> 32);
        Check((int)Native.Syscall(Native.SysCapset, (long)header, (long)data), InitStep.SetCapabilities, plan);
    }

    /// <summary>The runtime's signal dispositions (SIGPIPE ignored, handlers) must not leak into the container.</summary>
    internal static void ResetSignals()
    {
        var action = stackalloc ulong[4];
        for (var signal = 1; signal <= 64; signal++)
        {
            if (signal is not 9 and not 19 and not 32 and not 33)
            {
                Native.Syscall(Native.SysRtSigaction, signal, (long)action, 0, 8);
            }
        }

        var empty = stackalloc ulong[1];
        Native.Syscall(Native.SysRtSigprocmask, 2, (long)empty, 0, 8);
    }

    private static void WaitForStart(InitPlan plan)
    {
        if (plan.ExecFifo is null)
        {
            return;
        }

        var fd = Libc.open(plan.ExecFifo, Native.OWronly | Native.OCloexec, 0);
        Check(fd, InitStep.WaitForStart, plan);
        byte started = 1;
        Libc.write(fd, &started, 1);
        Libc.close(fd);
    }

    internal static void Exec(InitPlan plan)
    {
        var errno = Libc.ENOENT;
        foreach (var candidate in plan.ExecCandidates)
        {
            Libc.execve((byte*)candidate, plan.Argv, plan.Envp);
            if (Libc.Errno != Libc.ENOENT)
            {
                errno = Libc.Errno;
            }
        }

        Report(plan.ReportFd, (int)InitStep.Exec, errno);
        Exit();
    }

    internal static void Check(int result, InitStep step, InitPlan plan)
    {
        if (result < 0)
        {
            Fail(step, plan);
        }
    }

    private static void Fail(InitStep step, InitPlan plan)
    {
        Report(plan.ReportFd, (int)step, Libc.Errno);
        Exit();
    }

    internal static void Report(int fd, int step, int errno)
    {
        var record = stackalloc int[2];
        record[0] = step;
        record[1] = errno;
        Libc.write(fd, record, 8);
    }

    internal static void Exit() => Native.Syscall(Native.SysExitGroup, 1);

    private static readonly byte* Utf8Root = Native.Utf8("/");
    private static readonly byte* Utf8Dot = Native.Utf8(".");
    private static readonly byte* Utf8DevNull = Native.Utf8("/dev/null");
    private static readonly byte* Utf8Tmpfs = Native.Utf8("tmpfs");

    /// <summary>Touches the static fields so they are initialised before the fork, not in the child.</summary>
    public static void Prepare() => _ = Utf8Root[0] + Utf8Dot[0] + Utf8DevNull[0] + Utf8Tmpfs[0] + Loopback.Prepare();
}
