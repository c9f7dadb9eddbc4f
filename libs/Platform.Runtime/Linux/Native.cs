using System.Runtime.InteropServices;
using System.Text;

namespace Platform.Runtime.Linux;

/// <summary>
/// The system calls the runtime makes that Tmds.LibC does not wrap (clone, pivot_root, wait4, prctl,
/// capset, prlimit64, close_range, rt_sigaction), and the constants it needs. x86-64 numbers.
/// </summary>
public static unsafe partial class Native
{
    public const long SysRtSigaction = 13;
    public const long SysRtSigprocmask = 14;
    public const long SysClone = 56;
    public const long SysWait4 = 61;
    public const long SysCapset = 126;
    public const long SysPivotRoot = 155;
    public const long SysPrctl = 157;

    // Credentials are changed with the raw system calls: glibc's setuid/setgid/setgroups wrappers broadcast the
    // change to every thread glibc believes the process has, and a child cloned from a multi-threaded .NET
    // process inherits that list without the threads; it waited forever on a thread being created at the clone.
    public const long SysSetuid = 105;
    public const long SysSetgid = 106;
    public const long SysSetgroups = 116;
    public const long SysExitGroup = 231;
    public const long SysPrlimit64 = 302;
    public const long SysCloseRange = 436;
    public const long SysMkdirat = 258;
    public const long SysOpenat2 = 437;

    public const int CloneNewNs = 0x00020000;
    public const int CloneNewCgroup = 0x02000000;
    public const int CloneNewUts = 0x04000000;
    public const int CloneNewIpc = 0x08000000;
    public const int CloneNewPid = 0x20000000;
    public const int CloneNewNet = 0x40000000;
    public const int SigChld = 17;

    public const ulong MsRdonly = 1;
    public const ulong MsNosuid = 2;
    public const ulong MsNodev = 4;
    public const ulong MsNoexec = 8;
    public const ulong MsRemount = 32;
    public const ulong MsBind = 4096;
    public const ulong MsRec = 16384;
    public const ulong MsPrivate = 1 << 18;
    public const ulong MsSlave = 1 << 19;
    public const ulong MsRelatime = 1 << 21;
    public const ulong MsStrictatime = 1 << 24;

    public const int MntDetach = 2;
    public const int PrSetNoNewPrivs = 38;
    public const int PrCapbsetDrop = 24;
    public const int CloseRangeCloexec = 4;
    public const int OWronly = 1;
    public const int ORdonly = 0;
    public const int OCreat = 0x40;
    public const int OCloexec = 0x80000;
    public const int ONonblock = 0x800;
    public const int ODirectory = 0x10000;
    public const int OPath = 0x200000;
    public const long ResolveNoSymlinks = 0x04;
    public const long ResolveBeneath = 0x08;

    public static long Syscall(long number, long a1 = 0, long a2 = 0, long a3 = 0, long a4 = 0, long a5 = 0) =>
        syscall(number, a1, a2, a3, a4, a5);

    // glibc's syscall(2) is variadic; every argument here is an integer register, so a fixed prototype is exact.
    [LibraryImport("libc", SetLastError = true)]
    private static partial long syscall(long number, long a1, long a2, long a3, long a4, long a5);


    /// <summary>fork-like clone into new namespaces: returns 0 in the child, its pid in the parent.</summary>
    public static long Clone(int flags) => Syscall(SysClone, flags | SigChld);

    /// <summary>Waits for a child; returns its wait status (exit code or signal) or -1.</summary>
    public static int WaitForExit(int pid)
    {
        int status;
        while (true)
        {
            var result = Syscall(SysWait4, pid, (long)&status, 0, 0);
            if (result == pid)
            {
                return status;
            }

            if (result < 0 && Libc.Errno != Libc.EINTR)
            {
                return -1;
            }
        }
    }

    /// <summary>The shell's convention: the exit code, or 128 + the signal that killed the process.</summary>
    public static int ExitCodeOf(int waitStatus) =>
        (waitStatus & 0x7f) == 0 ? (waitStatus >> 8) & 0xff : 128 + (waitStatus & 0x7f);

    public static string Describe(int errno) => Marshal.GetPInvokeErrorMessage(errno);

    /// <summary>A NUL-terminated UTF-8 copy in native memory that is never freed: the runtime process is short-lived.</summary>
    public static byte* Utf8(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var bytes = Encoding.UTF8.GetBytes(value);
        var memory = (byte*)NativeMemory.Alloc((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(memory, bytes.Length));
        memory[bytes.Length] = 0;
        return memory;
    }

    /// <summary>A NULL-terminated array of UTF-8 strings (argv, envp) in native memory.</summary>
    public static byte** Utf8Array(IReadOnlyList<string> values)
    {
        var array = (byte**)NativeMemory.Alloc((nuint)(values.Count + 1), (nuint)sizeof(byte*));
        for (var i = 0; i < values.Count; i++)
        {
            array[i] = Utf8(values[i]);
        }

        array[values.Count] = null;
        return array;
    }
}
