using Tmds.Linux;

namespace Platform.Oci.Layers;

/// <summary>
/// Creates and changes single names inside a directory opened by <see cref="LayerRoot"/>, with
/// *at system calls that never follow a symlink in the final component.
/// </summary>
internal static unsafe class LayerNodes
{
    private const ushort OwnerOnlyFileMode = 0b110_000_000;
    private const ushort OwnerOnlyDirectoryMode = 0b111_000_000;

    /// <summary>Makes room for a new entry: an earlier entry of the same name is removed, unless both are directories.</summary>
    /// <returns>True when a directory already exists and is kept.</returns>
    public static bool ClearForEntry(LayerRoot root, FileDescriptor parent, string name, string relativePath, bool wantsDirectory)
    {
        if (!TryLstat(parent, name, relativePath, out var existing))
        {
            return false;
        }
        var isDirectory = LibC.S_ISDIR(existing.st_mode);
        if (isDirectory && wantsDirectory)
        {
            return true;
        }
        if (isDirectory)
        {
            // Reached through a verified, symlink-free parent in a tree only this unpack writes to;
            // Directory.Delete removes symlinks inside without following them.
            Directory.Delete(System.IO.Path.Combine(root.Path, relativePath), recursive: true);
            return false;
        }
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            NativeError.ThrowIfFailed(LibC.unlinkat(parent.Value, p, 0), "unlinkat", relativePath);
        }
        return false;
    }

    public static void CreateDirectory(FileDescriptor parent, string name, string relativePath)
    {
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            NativeError.ThrowIfFailed(LibC.mkdirat(parent.Value, p, OwnerOnlyDirectoryMode), "mkdirat", relativePath);
        }
    }

    /// <summary>Creates a new regular file (O_EXCL | O_NOFOLLOW: never an existing file, never through a symlink) for writing.</summary>
    public static FileStream CreateFile(FileDescriptor parent, string name, string relativePath)
    {
        int fd;
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            fd = LibC.openat(parent.Value, p,
                LibC.O_WRONLY | LibC.O_CREAT | LibC.O_EXCL | LibC.O_NOFOLLOW | LibC.O_CLOEXEC, OwnerOnlyFileMode);
        }
        NativeError.ThrowIfFailed(fd, "openat", relativePath);
        return new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, bufferSize: 0);
    }

    public static void CreateSymlink(FileDescriptor parent, string name, string target, string relativePath)
    {
        fixed (byte* t = LayerRoot.Utf8(target))
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            NativeError.ThrowIfFailed(LibC.symlinkat(t, parent.Value, p), "symlinkat", relativePath);
        }
    }

    /// <summary>linkat without AT_SYMLINK_FOLLOW: a link to a symlink links the symlink itself.</summary>
    public static void CreateHardLink(FileDescriptor targetParent, string targetName, FileDescriptor parent, string name, string relativePath)
    {
        fixed (byte* t = LayerRoot.Utf8(targetName))
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            NativeError.ThrowIfFailed(LibC.linkat(targetParent.Value, t, parent.Value, p, 0), "linkat", relativePath);
        }
    }

    public static void CreateFifo(FileDescriptor parent, string name, string relativePath) =>
        MakeNode(parent, name, LibC.S_IFIFO | OwnerOnlyFileMode, relativePath);

    /// <summary>The overlayfs whiteout: a character device with device number 0/0.</summary>
    public static void CreateWhiteout(FileDescriptor parent, string name, string relativePath) =>
        MakeNode(parent, name, LibC.S_IFCHR, relativePath);

    public static void SetOwner(FileDescriptor parent, string name, int uid, int gid, string relativePath)
    {
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            NativeError.ThrowIfFailed(
                LibC.fchownat(parent.Value, p, (uint)uid, (uint)gid, LibC.AT_SYMLINK_NOFOLLOW), "fchownat", relativePath);
        }
    }

    /// <summary>Sets all mode bits, setuid and sticky included; called after SetOwner because chown clears setuid.</summary>
    public static void SetMode(FileDescriptor parent, string name, UnixFileMode mode, string relativePath)
    {
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            NativeError.ThrowIfFailed(
                LibC.fchmodat(parent.Value, p, (ushort)mode, LibC.AT_SYMLINK_NOFOLLOW), "fchmodat", relativePath);
        }
    }

    /// <summary>Sets access and modification time to the entry's mtime, on the name itself (a symlink is not followed).</summary>
    public static void SetModificationTime(FileDescriptor parent, string name, DateTimeOffset time, string relativePath)
    {
        var stamp = ToTimespec(time);
        var times = stackalloc timespec[2] { stamp, stamp };
        fixed (byte* p = LayerRoot.Utf8(name.Length == 0 ? "." : name))
        {
            NativeError.ThrowIfFailed(
                LibC.utimensat(parent.Value, p, times, LibC.AT_SYMLINK_NOFOLLOW), "utimensat", relativePath);
        }
    }

    private static void MakeNode(FileDescriptor parent, string name, mode_t mode, string relativePath)
    {
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            NativeError.ThrowIfFailed(LibC.mknodat(parent.Value, p, mode, 0), "mknodat", relativePath);
        }
    }

    private static bool TryLstat(FileDescriptor parent, string name, string relativePath, out stat status)
    {
        stat result;
        int rc;
        fixed (byte* p = LayerRoot.Utf8(name))
        {
            rc = LibC.fstatat(parent.Value, p, &result, LibC.AT_SYMLINK_NOFOLLOW);
        }
        status = result;
        if (rc == 0)
        {
            return true;
        }
        var errno = LibC.errno;
        return errno == LibC.ENOENT ? false : throw NativeError.Create("fstatat", relativePath, errno);
    }

    private static timespec ToTimespec(DateTimeOffset time)
    {
        var ticks = Math.Max(0, time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks);
        return new timespec
        {
            tv_sec = ticks / TimeSpan.TicksPerSecond,
            tv_nsec = (long_t)(ticks % TimeSpan.TicksPerSecond * 100),
        };
    }
}
