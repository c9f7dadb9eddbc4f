using Platform.Runtime.Init;
using Platform.Runtime.Linux;

namespace Platform.Runtime.Exec;

/// <summary>
/// The forked children of an exec. The first joins every namespace of the container's init; joining a
/// pid namespace only applies to children, so it forks the second, reports its pid and waits for it,
/// exiting with its exit code. The second sets limits and identity as the container's init did and
/// execs the command. Like the init, neither allocates.
/// </summary>
public static unsafe class ExecInit
{
    private const long SysDup2 = 33;
    private const long SysSetsid = 112;
    private const long SysSetns = 308;
    private const ulong TiocSctty = 0x540E;

    public static void Run(ExecPlan plan)
    {
        var process = plan.Process;
        byte go;
        if (Libc.read(process.GoFd, &go, 1) != 1)
        {
            Fail(process, (int)InitStep.WaitForParent);
        }

        Libc.close(process.GoFd);
        foreach (var ns in plan.Namespaces)
        {
            if (Native.Syscall(SysSetns, ns.Fd, ns.CloneFlag) != 0)
            {
                Fail(process, ExecSteps.JoinNamespace);
            }

            Libc.close(ns.Fd);
        }

        var pid = (int)Native.Clone(0);
        if (pid == 0)
        {
            RunProcess(plan);
        }

        if (pid < 0)
        {
            Fail(process, ExecSteps.Fork);
        }

        // The process's pid as the host sees it, so the parent can signal it; then this child only waits.
        ContainerInit.Report(process.ReportFd, 0, pid);
        Libc.close(process.ReportFd);
        Native.Syscall(Native.SysExitGroup, Native.ExitCodeOf(Native.WaitForExit(pid)));
    }

    private static void RunProcess(ExecPlan plan)
    {
        var process = plan.Process;
        if (plan.ConsoleFd >= 0)
        {
            for (var fd = 0; fd < 3; fd++)
            {
                if (Native.Syscall(SysDup2, plan.ConsoleFd, fd) < 0)
                {
                    Fail(process, ExecSteps.Terminal);
                }
            }
        }

        if (plan.Terminal && (Native.Syscall(SysSetsid) < 0 || Libc.ioctl(0, TiocSctty, null) != 0))
        {
            Fail(process, ExecSteps.Terminal);
        }

        ContainerInit.ApplyLimits(process);
        ContainerInit.SetIdentity(process);
        ContainerInit.Check(Libc.chdir(process.WorkingDirectory), InitStep.WorkingDirectory, process);
        ContainerInit.ResetSignals();
        Native.Syscall(Native.SysCloseRange, 3, uint.MaxValue, Native.CloseRangeCloexec);
        ContainerInit.Exec(process);
    }

    private static void Fail(InitPlan process, int step)
    {
        ContainerInit.Report(process.ReportFd, step, Libc.Errno);
        ContainerInit.Exit();
    }
}
