using Platform.Runtime.Linux;
using Platform.Runtime.State;

namespace Platform.Runtime.Lifecycle;

/// <summary>`start`: opens the exec fifo so the waiting init execs the container's process.</summary>
public static unsafe class ContainerStart
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static void Start(StateStore store, string id)
    {
        var state = ContainerQuery.State(store, id);
        if (state.Status != ContainerStatus.Created)
        {
            throw new RuntimeException($"cannot start a container that is {state.Status}");
        }

        var fifo = store.ExecFifo(id);
        // Non-blocking: if the init died, a blocking open would wait for a writer forever.
        var fd = Libc.open(Native.Utf8(fifo), Native.ORdonly | Native.ONonblock | Native.OCloexec, 0);
        if (fd < 0)
        {
            throw new RuntimeException($"cannot open {fifo}: {Native.Describe(Libc.Errno)}");
        }

        try
        {
            WaitForInit(fd, state);
        }
        finally
        {
            Libc.close(fd);
            File.Delete(fifo);
        }
    }

    private static void WaitForInit(int fd, ContainerState state)
    {
        var deadline = DateTime.UtcNow + Timeout;
        byte started;
        while (Libc.read(fd, &started, 1) != 1)
        {
            if (!ProcessInfo.IsAlive(state.Pid, state.PidStartTime) || DateTime.UtcNow > deadline)
            {
                throw new RuntimeException($"container \"{state.Id}\" init did not take the start signal");
            }

            Thread.Sleep(1);
        }
    }
}
