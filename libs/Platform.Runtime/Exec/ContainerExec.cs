using System.Runtime.InteropServices;
using System.Text.Json;
using Platform.Cgroups;
using Platform.Runtime.Init;
using Platform.Runtime.Lifecycle;
using Platform.Runtime.Linux;
using Platform.Runtime.Spec;
using Platform.Runtime.State;

namespace Platform.Runtime.Exec;

/// <summary>
/// `exec`: runs one more process in a running container. It joins every namespace of the container's
/// init and its cgroup, gets the container's capabilities, no_new_privs, user, environment, working
/// directory and rlimits, and returns its exit code (128 + signal when killed). Termination signals
/// sent to the runtime are forwarded to the process.
/// </summary>
public static unsafe class ContainerExec
{
    private const long NoGcBudgetBytes = 16 * 1024 * 1024;

    /// <summary>The order of joining: the mount namespace last but cgroup, as nsenter does.</summary>
    private static readonly (string Type, string ProcName, int Flag)[] JoinOrder =
    [
        ("ipc", "ipc", Native.CloneNewIpc), ("uts", "uts", Native.CloneNewUts), ("network", "net", Native.CloneNewNet),
        ("pid", "pid", Native.CloneNewPid), ("cgroup", "cgroup", Native.CloneNewCgroup), ("mount", "mnt", Native.CloneNewNs),
    ];

    private static readonly PosixSignal[] Forwarded = [PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    public static int Exec(StateStore store, string id, ExecOptions options)
    {
        var state = ContainerQuery.State(store, id);
        if (state.Status != ContainerStatus.Running)
        {
            throw new RuntimeException($"cannot exec in container \"{id}\": it is {state.Status}, not running");
        }

        var spec = SpecLoader.Load(state.Bundle);
        var process = options.Resolve(spec.Process!);
        var plan = new ExecPlan
        {
            Namespaces = OpenNamespaces(state, spec),
            Process = ProcessPlan(process),
            ConsoleFd = options.ConsolePath is { } console ? OpenConsole(console) : -1,
            Terminal = process.Terminal,
        };
        var cgroup = CgroupHierarchy.Detect().For(state.CgroupPath);
        return Spawn(plan, cgroup);
    }

    public static SpecProcess ReadProcessFile(string path)
    {
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), RuntimeJson.Default.SpecProcess)
                ?? throw new RuntimeException($"{path} is empty");
        }
        catch (JsonException e)
        {
            throw new RuntimeException($"{path} is not a valid OCI process: {e.Message}");
        }
    }

    private static NamespaceToJoin[] OpenNamespaces(ContainerState state, RuntimeSpec spec)
    {
        var types = (spec.Linux?.Namespaces ?? []).Select(n => n.Type).ToHashSet();
        return JoinOrder.Where(j => types.Contains(j.Type)).Select(j => new NamespaceToJoin
        {
            Fd = OpenOrThrow($"/proc/{state.Pid}/ns/{j.ProcName}", Native.ORdonly | Native.OCloexec),
            CloneFlag = j.Flag,
        }).ToArray();
    }

    private static int OpenConsole(string path)
    {
        const int ORdwr = 2;
        const int ONoctty = 0x100;
        return OpenOrThrow(path, ORdwr | ONoctty | Native.OCloexec);
    }

    private static int OpenOrThrow(string path, int flags)
    {
        var fd = Libc.open(Native.Utf8(path), flags, 0);
        return fd >= 0 ? fd : throw new RuntimeException($"cannot open {path}: {Native.Describe(Libc.Errno)}");
    }

    private static InitPlan ProcessPlan(SpecProcess process)
    {
        var env = process.Env ?? [];
        return new InitPlan
        {
            Rlimits = (process.Rlimits ?? []).Select(r => new RlimitOperation { Resource = Rlimits.Resource(r.Type!), Soft = r.Soft, Hard = r.Hard }).ToArray(),
            NoNewPrivileges = process.NoNewPrivileges,
            SetCapabilities = process.Capabilities is not null,
            BoundingCapabilities = Capabilities.Mask(process.Capabilities?.Bounding),
            EffectiveCapabilities = Capabilities.Mask(process.Capabilities?.Effective),
            PermittedCapabilities = Capabilities.Mask(process.Capabilities?.Permitted),
            InheritableCapabilities = Capabilities.Mask(process.Capabilities?.Inheritable),
            Uid = process.User?.Uid ?? 0,
            Gid = process.User?.Gid ?? 0,
            AdditionalGids = process.User?.AdditionalGids?.ToArray() ?? [],
            WorkingDirectory = Native.Utf8(process.Cwd is { Length: > 0 } cwd ? cwd : "/"),
            Argv = Native.Utf8Array(process.Args!),
            Envp = Native.Utf8Array(env),
            ExecCandidates = PlanBuilder.ExecCandidates(process.Args![0], env).Select(c => (nint)Native.Utf8(c)).ToArray(),
        };
    }

    private static int Spawn(ExecPlan plan, ICgroup cgroup)
    {
        var pipes = Pipes.Open();
        plan.Process.GoFd = pipes.GoRead;
        plan.Process.ReportFd = pipes.ReportWrite;
        // As for create: no collection may be in progress at the fork (see ContainerCreate.Spawn).
        var noGc = GC.TryStartNoGCRegion(NoGcBudgetBytes);
        var child = (int)Native.Clone(0);
        if (child == 0)
        {
            ExecInit.Run(plan);
        }

        if (noGc && System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion)
        {
            GC.EndNoGCRegion();
        }

        if (child < 0)
        {
            throw new RuntimeException($"fork failed: {Native.Describe(Libc.Errno)}");
        }

        pipes.CloseChildEnds();
        foreach (var ns in plan.Namespaces)
        {
            Libc.close(ns.Fd);
        }

        try
        {
            // In the cgroup before it forks, so the process is born there.
            cgroup.AddProcess(child);
            pipes.SignalGo();
            return Supervise(child, pipes);
        }
        catch
        {
            Libc.kill(child, 9);
            Native.WaitForExit(child);
            throw;
        }
        finally
        {
            pipes.CloseReports();
        }
    }

    private static int Supervise(int child, Pipes pipes)
    {
        var started = pipes.ReadReport() ?? throw new RuntimeException("exec: the process ended before it started");
        ThrowIfFailed(started);
        var pid = started.Errno;
        using var registrations = new SignalForwarding(pid);
        if (pipes.ReadReport() is { } failure)
        {
            Native.WaitForExit(child);
            ThrowIfFailed(failure);
        }

        return Native.ExitCodeOf(Native.WaitForExit(child));
    }

    private static void ThrowIfFailed((int Step, int Errno) report)
    {
        if (report.Step == (int)InitStep.Exec)
        {
            throw new ExecFailedException($"exec failed: {Native.Describe(report.Errno)}", report.Errno == Libc.ENOENT ? 127 : 126);
        }

        if (report.Step != 0)
        {
            throw new RuntimeException($"exec failed while {ExecSteps.Describe(report.Step)}: {Native.Describe(report.Errno)}");
        }
    }

    private sealed class SignalForwarding : IDisposable
    {
        private readonly List<PosixSignalRegistration> registrations;

        public SignalForwarding(int pid) =>
            registrations = Forwarded.Select(signal => PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true;
                Libc.kill(pid, context.Signal switch
                {
                    PosixSignal.SIGTERM => 15,
                    PosixSignal.SIGINT => 2,
                    PosixSignal.SIGHUP => 1,
                    _ => 3,
                });
            })).ToList();

        public void Dispose() => registrations.ForEach(r => r.Dispose());
    }
}

/// <summary>The command could not be executed: exit code 127 when it was not found, else 126, as shells do.</summary>
public sealed class ExecFailedException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
