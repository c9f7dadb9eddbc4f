using System.Runtime.InteropServices;
using Platform.Runtime.Linux;

namespace Platform.Runtime.Init;

/// <summary>
/// Opens a mount destination inside the root filesystem in the container's init, one component at a
/// time with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS), creating missing directories on the way.
/// The mount then targets /proc/self/fd/N, so no path is resolved again: a symlink put in a volume by
/// an earlier container (or swapped in after the runtime checked the image) can never redirect a mount
/// onto the host, as runc's fix for CVE-2021-30465 does. Runs in the forked child: allocates nothing.
/// </summary>
public static unsafe class MountTargets
{
    private const uint DirectoryMode = 0x1ed;
    private const uint FileMode = 0x1a4;

    /// <summary>An O_PATH descriptor of the destination, or -1 with errno set.</summary>
    public static int Open(byte* rootfs, byte* relativeTarget, bool makeDirectory, bool makeFile)
    {
        var directory = Libc.open(rootfs, Native.OPath | Native.ODirectory | Native.OCloexec, 0);
        if (directory < 0 || relativeTarget[0] == 0)
        {
            return directory;
        }

        var component = relativeTarget;
        while (true)
        {
            var end = component;
            while (*end != 0 && *end != (byte)'/')
            {
                end++;
            }

            var last = *end == 0;
            var next = OpenComponent(directory, component, end, last, makeDirectory || !last, last && makeFile);
            var errno = Libc.Errno;
            Libc.close(directory);
            Marshal.SetLastPInvokeError(errno);
            if (next < 0 || last)
            {
                return next;
            }

            directory = next;
            component = end + 1;
        }
    }

    /// <summary>Writes "/proc/self/fd/N" into <paramref name="buffer"/> (at least 32 bytes).</summary>
    public static byte* ProcPath(int fd, byte* buffer)
    {
        var prefix = "/proc/self/fd/"u8;
        var length = 0;
        foreach (var b in prefix)
        {
            buffer[length++] = b;
        }

        var digits = stackalloc byte[12];
        var count = 0;
        do
        {
            digits[count++] = (byte)('0' + fd % 10);
            fd /= 10;
        }
        while (fd > 0);

        while (count > 0)
        {
            buffer[length++] = digits[--count];
        }

        buffer[length] = 0;
        return buffer;
    }

    private static int OpenComponent(int directory, byte* component, byte* end, bool last, bool makeDirectory, bool makeFile)
    {
        var separator = *end;
        *end = 0;
        try
        {
            if (makeDirectory && Native.Syscall(Native.SysMkdirat, directory, (long)component, DirectoryMode) != 0 && Libc.Errno != Libc.EEXIST)
            {
                return -1;
            }

            if (makeFile)
            {
                var created = OpenBeneath(directory, component, Native.OCreat | Native.ORdonly | Native.ONonblock | Native.OCloexec, FileMode);
                if (created < 0)
                {
                    return -1;
                }

                Libc.close(created);
            }

            return OpenBeneath(directory, component, Native.OPath | Native.OCloexec | (last && !makeDirectory ? 0 : Native.ODirectory), 0);
        }
        finally
        {
            *end = separator;
        }
    }

    private static int OpenBeneath(int directory, byte* name, int flags, uint mode)
    {
        var how = stackalloc ulong[3];
        how[0] = (ulong)flags;
        how[1] = mode;
        how[2] = (ulong)(Native.ResolveBeneath | Native.ResolveNoSymlinks);
        return (int)Native.Syscall(Native.SysOpenat2, directory, (long)name, (long)how, 24);
    }
}
