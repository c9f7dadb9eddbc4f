using System.Globalization;
using Microsoft.Win32.SafeHandles;
using Platform.Runtime.Linux;
using Platform.Runtime.State;

namespace Platform.Runtime.Lifecycle;

/// <summary>
/// `run --log-file L --exit-file E`: `run` as a containerd-style shim that outlives whoever started it.
/// It leaves the caller's session and standard streams, owns the container's stdout and stderr and
/// writes them to the CRI log itself. When the container ends it writes the exit code to the exit file
/// (atomically, once the cgroup is gone and the log complete) and only then removes its state, so at
/// every moment one of the two is on disk. A restarted agent finds the container running
/// (its state) or ended (the exit file) on disk. A failure to start is written to the log, exit code 1.
/// </summary>
public static unsafe class ContainerShim
{
    private const long SysDup2 = 33;
    private const long SysSetsid = 112;

    public static int Run(StateStore store, string id, string bundle, string logPath, string exitFile)
    {
        Native.Syscall(SysSetsid);
        var devNull = Libc.open(Native.Utf8("/dev/null"), 2, 0);
        for (var fd = 0; fd < 3; fd++)
        {
            Native.Syscall(SysDup2, devNull, fd);
        }

        using var log = new CriLog(logPath);
        return RunContainer(store, id, bundle, log, devNull, exitFile);
    }

    private static int RunContainer(StateStore store, string id, string bundle, CriLog log, int devNull, string exitFile)
    {
        var (stdoutRead, stdoutWrite) = Pipe();
        var (stderrRead, stderrWrite) = Pipe();
        ContainerCreate.Created created;
        try
        {
            // The init inherits fds 1 and 2: the write ends, for the moment of its creation only.
            Native.Syscall(SysDup2, stdoutWrite, 1);
            Native.Syscall(SysDup2, stderrWrite, 2);
            created = ContainerCreate.Create(store, id, bundle, startAtOnce: true);
        }
        catch (Exception e) when (e is RuntimeException or IOException or UnauthorizedAccessException or Cgroups.CgroupException)
        {
            log.Write("stderr", $"platform-runtime: {e.Message}");
            WriteExitFile(exitFile, 1);
            return 1;
        }
        finally
        {
            Native.Syscall(SysDup2, devNull, 1);
            Native.Syscall(SysDup2, devNull, 2);
            Libc.close(stdoutWrite);
            Libc.close(stderrWrite);
        }

        var pumps = new[] { log.Pump(Reader(stdoutRead), "stdout"), log.Pump(Reader(stderrRead), "stderr") };
        // The log is complete (every writer gone with the cgroup) before the exit file says the container ended.
        return ContainerRun.Supervise(store, id, created, exitCode =>
        {
            foreach (var pump in pumps)
            {
                pump.Join();
            }

            WriteExitFile(exitFile, exitCode);
        });
    }

    private static (int Read, int Write) Pipe()
    {
        var fds = stackalloc int[2];
        if (Libc.pipe2(fds, Native.OCloexec) != 0)
        {
            throw new RuntimeException($"cannot create pipes: {Native.Describe(Libc.Errno)}");
        }

        return (fds[0], fds[1]);
    }

    private static FileStream Reader(int fd) => new(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Read, bufferSize: 0);

    /// <summary>Written last and renamed into place: its presence means the container ended and is cleaned up.</summary>
    private static void WriteExitFile(string path, int exitCode)
    {
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, exitCode.ToString(CultureInfo.InvariantCulture) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
