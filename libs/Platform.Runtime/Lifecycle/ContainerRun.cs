using System.Runtime.InteropServices;
using Platform.Runtime.Linux;
using Platform.Runtime.State;

namespace Platform.Runtime.Lifecycle;

/// <summary>
/// `run`: create and start at once, forward termination signals to the container, wait for it, clean
/// up, and return its exit code (128 + signal when killed). When the kernel's OOM killer killed a
/// process of the container, the file <see cref="OomKilledMarker"/> is left in the bundle, so the
/// caller can tell an OOM kill from any other SIGKILL after the cgroup is gone.
/// </summary>
public static class ContainerRun
{
    public const string OomKilledMarker = "oom-killed";

    private static readonly PosixSignal[] Forwarded = [PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    public static int Run(StateStore store, string id, string bundle, Action<int>? onStarted = null)
    {
        var created = ContainerCreate.Create(store, id, bundle, startAtOnce: true);
        onStarted?.Invoke(created.State.Pid);
        return Supervise(store, id, created);
    }

    /// <summary>
    /// Waits for a started container with termination signals forwarded, then cleans up; returns its exit
    /// code. <paramref name="onEnded"/> runs with it once the cgroup is gone, before the state is removed.
    /// </summary>
    public static int Supervise(StateStore store, string id, ContainerCreate.Created created, Action<int>? onEnded = null)
    {
        var pid = created.State.Pid;
        var registrations = Forwarded.Select(signal => PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            Libc.kill(pid, SignalNumber(context.Signal));
        })).ToList();
        var exitCode = 255;
        try
        {
            exitCode = Native.ExitCodeOf(Native.WaitForExit(pid));
            return exitCode;
        }
        finally
        {
            registrations.ForEach(r => r.Dispose());
            if (created.Cgroup.OomKillCount() > 0)
            {
                File.WriteAllText(Path.Combine(created.State.Bundle, OomKilledMarker), string.Empty);
            }

            created.Cgroup.Destroy();
            onEnded?.Invoke(exitCode);
            store.Remove(id);
        }
    }

    private static int SignalNumber(PosixSignal signal) => signal switch
    {
        PosixSignal.SIGTERM => 15,
        PosixSignal.SIGINT => 2,
        PosixSignal.SIGHUP => 1,
        _ => 3,
    };
}
