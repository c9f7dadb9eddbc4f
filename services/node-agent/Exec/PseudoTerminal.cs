using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Platform.NodeAgent.Exec;

/// <summary>
/// A pseudo-terminal for an exec with a tty: the agent keeps the master side; the runtime opens the
/// slave by its path and makes it the command's controlling terminal.
/// </summary>
public sealed unsafe partial class PseudoTerminal : IDisposable
{
    private const int ORdwr = 2;
    private const int ONoctty = 0x100;
    private const int OCloexec = 0x80000;
    private const ulong TiocSwinsz = 0x5414;

    private PseudoTerminal(SafeFileHandle master, string slavePath)
    {
        Master = master;
        SlavePath = slavePath;
        Stream = new FileStream(master, FileAccess.ReadWrite, bufferSize: 0);
    }

    public SafeFileHandle Master { get; }

    public string SlavePath { get; }

    /// <summary>Reads what the command writes to its terminal; writes are its keyboard input.</summary>
    public FileStream Stream { get; }

    public static PseudoTerminal Open()
    {
        var fd = posix_openpt(ORdwr | ONoctty | OCloexec);
        if (fd < 0)
        {
            throw new IOException($"posix_openpt: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        var master = new SafeFileHandle(fd, ownsHandle: true);
        var name = stackalloc byte[128];
        if (grantpt(fd) != 0 || unlockpt(fd) != 0 || ptsname_r(fd, name, 128) != 0)
        {
            var error = Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError());
            master.Dispose();
            throw new IOException($"cannot prepare the pseudo-terminal: {error}");
        }

        return new PseudoTerminal(master, Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name)));
    }

    /// <summary>TIOCSWINSZ on the master: the command gets SIGWINCH and the new size.</summary>
    public void Resize(ushort width, ushort height)
    {
        var size = stackalloc ushort[4];
        size[0] = height;
        size[1] = width;
        _ = ioctl((int)Master.DangerousGetHandle(), TiocSwinsz, size);
    }

    public void Dispose()
    {
        Stream.Dispose();
        Master.Dispose();
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int posix_openpt(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int grantpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int unlockpt(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ptsname_r(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, ulong request, void* argument);
}
