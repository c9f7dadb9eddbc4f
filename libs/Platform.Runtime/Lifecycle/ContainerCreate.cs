using Platform.Cgroups;
using Platform.Runtime.Init;
using Platform.Runtime.Linux;
using Platform.Runtime.Spec;
using Platform.Runtime.State;

namespace Platform.Runtime.Lifecycle;

/// <summary>
/// `create`: sets up the container's cgroup, forks its init into new namespaces, waits until the init
/// is ready (mounts done, rootfs entered) and records the state. With <c>startAtOnce</c> the init
/// execs straight away (`run`); otherwise it waits on the exec fifo for `start`.
/// </summary>
public static class ContainerCreate
{
    public sealed record Created(ContainerState State, ICgroup Cgroup);

    private const long NoGcBudgetBytes = 16 * 1024 * 1024;

    public static Created Create(StateStore store, string id, string bundle, bool startAtOnce)
    {
        if (store.Exists(id))
        {
            throw new RuntimeException($"container \"{id}\" already exists");
        }

        bundle = Path.GetFullPath(bundle);
        var spec = SpecLoader.Load(bundle);
        var rootfs = SpecLoader.RootfsOf(spec, bundle);
        Directory.CreateDirectory(store.Directory(id));
        var hierarchy = CgroupHierarchy.Detect();
        var cgroup = hierarchy.For(CgroupPathOf(spec, id));
        try
        {
            var fifo = startAtOnce ? null : OpenFifoPath(MakeFifo(store.ExecFifo(id)));
            cgroup.Create();
            cgroup.Apply(ResourcesOf(spec));
            var plan = PlanBuilder.Build(spec, rootfs, fifo, hierarchy.IsUnified);
            plan.Joins = NamespaceJoins.Open(spec.Linux?.Namespaces ?? []);
            int pid;
            try
            {
                pid = Spawn(plan, cgroup, startAtOnce);
            }
            finally
            {
                NamespaceJoins.Close(plan.Joins);
            }

            var state = new ContainerState
            {
                Id = id,
                Pid = pid,
                Status = startAtOnce ? ContainerStatus.Running : ContainerStatus.Created,
                Bundle = bundle,
                Rootfs = rootfs,
                Created = DateTimeOffset.UtcNow,
                PidStartTime = ProcessInfo.StartTime(pid) ?? 0,
                CgroupPath = cgroup.RelativePath,
                Annotations = spec.Annotations,
            };
            store.Save(state);
            return new Created(state, cgroup);
        }
        catch
        {
            cgroup.Destroy();
            store.Remove(id);
            throw;
        }
    }

    private static int Spawn(InitPlan plan, ICgroup cgroup, bool startAtOnce)
    {
        var pipes = Pipes.Open();
        plan.GoFd = pipes.GoRead;
        plan.ReportFd = pipes.ReportWrite;
        ContainerInit.Prepare();
        // No collection may start around the fork: the child has one thread and would wait forever
        // for the others to reach a safe point (seen as a child stuck in a futex under load).
        var noGc = GC.TryStartNoGCRegion(NoGcBudgetBytes);
        var pid = (int)Native.Clone(plan.CloneFlags);
        if (pid == 0)
        {
            ContainerInit.Run(plan);
        }

        if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }

        if (pid < 0)
        {
            throw new RuntimeException($"clone failed: {Native.Describe(Libc.Errno)}");
        }

        pipes.CloseChildEnds();
        try
        {
            cgroup.AddProcess(pid);
            pipes.SignalGo();
            AwaitReady(pipes, startAtOnce);
            return pid;
        }
        catch
        {
            Libc.kill(pid, 9);
            Native.WaitForExit(pid);
            throw;
        }
        finally
        {
            pipes.CloseReports();
        }
    }

    /// <summary>Waits for "ready"; with an immediate start, also for the exec (the report pipe closes on exec).</summary>
    private static void AwaitReady(Pipes pipes, bool startAtOnce)
    {
        ThrowIfFailed(pipes.ReadReport() ?? throw new RuntimeException("the container's init exited before it was ready"));
        if (startAtOnce && pipes.ReadReport() is { } failure)
        {
            ThrowIfFailed(failure);
        }
    }

    private static void ThrowIfFailed((int Step, int Errno) report)
    {
        if (report.Step != 0)
        {
            var step = (InitStep)report.Step;
            throw new RuntimeException(step == InitStep.Exec
                ? $"exec failed: {Native.Describe(report.Errno)}"
                : $"container init failed while {InitSteps.Describe(step)}: {Native.Describe(report.Errno)}");
        }
    }

    private static unsafe string MakeFifo(string path)
    {
        if (Libc.mkfifo(Native.Utf8(path), 0x180) != 0)
        {
            throw new RuntimeException($"cannot create {path}: {Native.Describe(Libc.Errno)}");
        }

        return path;
    }

    /// <summary>
    /// The init waits on the fifo after pivot_root, when the host path is out of its reach: it reopens
    /// this O_PATH descriptor through /proc/self/fd instead, as runc does.
    /// </summary>
    private static unsafe string OpenFifoPath(string fifo)
    {
        const int OPath = 0x200000;
        var fd = Libc.open(Native.Utf8(fifo), OPath, 0);
        if (fd < 0)
        {
            throw new RuntimeException($"cannot open {fifo}: {Native.Describe(Libc.Errno)}");
        }

        return $"/proc/self/fd/{fd}";
    }

    private static string CgroupPathOf(RuntimeSpec spec, string id) =>
        spec.Linux?.CgroupsPath is { Length: > 0 } path ? path.Trim('/') : $"platform/{id}";

    private static CgroupResources ResourcesOf(RuntimeSpec spec)
    {
        var resources = spec.Linux?.Resources;
        return new CgroupResources(
            MemoryLimitBytes: resources?.Memory?.Limit is > 0 ? resources.Memory.Limit : null,
            CpuQuotaMicros: resources?.Cpu?.Quota is > 0 ? resources.Cpu.Quota : null,
            CpuPeriodMicros: resources?.Cpu?.Period is > 0 ? (long)resources.Cpu.Period.Value : null,
            CpuShares: resources?.Cpu?.Shares is > 0 ? (long)resources.Cpu.Shares.Value : null,
            PidsLimit: resources?.Pids?.Limit is > 0 ? resources.Pids.Limit : null);
    }
}
