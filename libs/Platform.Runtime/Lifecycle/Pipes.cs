using Platform.Runtime.Linux;

namespace Platform.Runtime.Lifecycle;

/// <summary>The two pipes between the runtime and the container's init: "go" to the child, reports back.</summary>
internal sealed unsafe class Pipes
{
    public int GoRead { get; private init; }
    public int GoWrite { get; private init; }
    public int ReportRead { get; private init; }
    public int ReportWrite { get; private init; }

    public static Pipes Open()
    {
        var go = stackalloc int[2];
        var report = stackalloc int[2];
        if (Libc.pipe2(go, Native.OCloexec) != 0 || Libc.pipe2(report, Native.OCloexec) != 0)
        {
            throw new RuntimeException($"cannot create pipes: {Native.Describe(Libc.Errno)}");
        }

        return new Pipes { GoRead = go[0], GoWrite = go[1], ReportRead = report[0], ReportWrite = report[1] };
    }

    /// <summary>In the parent after the fork: the child's ends are the child's.</summary>
    public void CloseChildEnds()
    {
        Libc.close(GoRead);
        Libc.close(ReportWrite);
    }

    public void SignalGo()
    {
        byte go = 1;
        Libc.write(GoWrite, &go, 1);
        Libc.close(GoWrite);
    }

    /// <summary>
    /// How long the child may take to report. Far above what any step takes even under heavy load; it
    /// exists so that a child stuck for good (as with glibc's setxid broadcast once) becomes an error
    /// instead of a runtime, and the agent waiting on it, hanging forever.
    /// </summary>
    public static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The next report of the child: (0, 0) when ready, (step, errno) on failure, null at end of file.</summary>
    /// <exception cref="RuntimeException">The child did not report within <see cref="ReportTimeout"/>.</exception>
    public (int Step, int Errno)? ReadReport()
    {
        var record = stackalloc int[2];
        var total = 0;
        var deadline = Environment.TickCount64 + (long)ReportTimeout.TotalMilliseconds;
        while (total < 8)
        {
            AwaitReadable(deadline);
            var read = Libc.read(ReportRead, (byte*)record + total, (nuint)(8 - total));
            if (read == 0)
            {
                return null;
            }

            if (read < 0)
            {
                if (Libc.Errno == Libc.EINTR)
                {
                    continue;
                }

                return null;
            }

            total += (int)read;
        }

        return (record[0], record[1]);
    }

    public void CloseReports() => Libc.close(ReportRead);

    private void AwaitReadable(long deadline)
    {
        var poll = new Libc.PollFd { Fd = ReportRead, Events = Libc.PollIn };
        while (true)
        {
            var left = deadline - Environment.TickCount64;
            var ready = left > 0 ? Libc.poll(&poll, 1, (int)Math.Min(left, int.MaxValue)) : 0;
            if (ready > 0 || (ready < 0 && Libc.Errno != Libc.EINTR))
            {
                return; // readable, at end of file, or an error the read itself reports
            }

            if (ready == 0)
            {
                throw new RuntimeException($"the container's init did not report within {ReportTimeout.TotalSeconds:0} s");
            }
        }
    }
}
