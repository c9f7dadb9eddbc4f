using System.Text;
using Tmds.Linux;

namespace Platform.Oci.Layers;

/// <summary>
/// A layer directory opened once and then only ever reached through its descriptor. Every path is
/// resolved by the kernel with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS), so no entry can
/// reach outside the root or through a symlink, whatever the layer's earlier entries created; the
/// final component is then created or changed with *at calls that do not follow symlinks.
/// </summary>
internal sealed unsafe class LayerRoot : IDisposable
{
    private static readonly ulong BeneathWithoutSymlinks =
        LibC.RESOLVE_BENEATH | LibC.RESOLVE_NO_SYMLINKS | LibC.RESOLVE_NO_MAGICLINKS | LibC.RESOLVE_NO_XDEV;

    /// <summary>rwxr-xr-x, what Docker gives directories a layer implies but does not list.</summary>
    private const ushort ImpliedDirectoryMode = 0b111_101_101;

    private const int OpenAttempts = 8;

    private readonly FileDescriptor root;

    private LayerRoot(string path, FileDescriptor root)
    {
        Path = path;
        this.root = root;
    }

    public string Path { get; }

    public static LayerRoot Open(string path)
    {
        int fd;
        fixed (byte* p = Utf8(path))
        {
            fd = LibC.open(p, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC | LibC.O_NOFOLLOW, 0);
        }
        NativeError.ThrowIfFailed(fd, "open layer root", path);
        return new LayerRoot(path, new FileDescriptor(fd));
    }

    /// <summary>
    /// Opens directory <paramref name="relativePath"/> (O_PATH, for use as a dirfd), creating
    /// missing directories on the way (mode 0755, as Docker does) when <paramref name="createMissing"/>.
    /// </summary>
    public FileDescriptor OpenDirectory(string relativePath, bool createMissing)
    {
        var fd = TryOpenBeneath(relativePath, LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, out var errno);
        if (fd >= 0)
        {
            return new FileDescriptor(fd);
        }
        if (errno == LibC.ENOENT && createMissing)
        {
            return CreateDirectories(relativePath);
        }
        throw Refusal(relativePath, errno);
    }

    /// <summary>Opens an existing directory for reading, so that calls which need a real descriptor (fsetxattr) can use it.</summary>
    public FileDescriptor OpenDirectoryForUpdate(string relativePath)
    {
        var fd = TryOpenBeneath(relativePath, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, out var errno);
        return fd >= 0 ? new FileDescriptor(fd) : throw Refusal(relativePath, errno);
    }

    /// <summary>Flushes everything written under the root to disk with one syncfs, before the layer is published.</summary>
    public void Sync() => NativeError.ThrowIfFailed(NativeMethods.syncfs(root.Value), "syncfs", Path);

    public void Dispose() => root.Dispose();

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text + "\0");

    private FileDescriptor CreateDirectories(string relativePath)
    {
        var current = OpenDirectory("", createMissing: false);
        var walked = "";
        foreach (var component in relativePath.Split('/'))
        {
            walked = LayerPath.Combine(walked, component);
            using var parent = current;
            current = OpenOrCreateChild(parent, component, walked);
        }
        return current;
    }

    private FileDescriptor OpenOrCreateChild(FileDescriptor parent, string component, string walked)
    {
        var fd = TryOpenBeneath(parent.Value, component, LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, out var errno);
        if (fd < 0 && errno == LibC.ENOENT)
        {
            fixed (byte* name = Utf8(component))
            {
                var made = LibC.mkdirat(parent.Value, name, ImpliedDirectoryMode);
                if (made < 0 && LibC.errno != LibC.EEXIST)
                {
                    throw NativeError.Create("mkdirat", walked, LibC.errno);
                }
            }
            fd = TryOpenBeneath(parent.Value, component, LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC, out errno);
        }
        return fd >= 0 ? new FileDescriptor(fd) : throw Refusal(walked, errno);
    }

    private int TryOpenBeneath(string relativePath, int flags, out int errno) =>
        TryOpenBeneath(root.Value, relativePath.Length == 0 ? "." : relativePath, flags, out errno);

    /// <summary>openat2 can fail with EAGAIN when a rename races the lookup; it is retried a few times.</summary>
    private static int TryOpenBeneath(int directoryFd, string relativePath, int flags, out int errno)
    {
        var how = new open_how { flags = (ulong)flags, resolve = BeneathWithoutSymlinks };
        var path = Utf8(relativePath);
        for (var attempt = 0; ; attempt++)
        {
            int fd;
            fixed (byte* p = path)
            {
                fd = LibC.openat2(directoryFd, p, &how, (size_t)sizeof(open_how));
            }
            errno = fd < 0 ? LibC.errno : 0;
            if (fd >= 0 || errno != LibC.EAGAIN || attempt == OpenAttempts)
            {
                return fd;
            }
        }
    }

    private static Exception Refusal(string relativePath, int errno) =>
        errno == LibC.ELOOP || errno == LibC.EXDEV || errno == LibC.ENOTDIR
            ? new LayerRejectedException($"'{LayerPath.Printable(relativePath)}' is not a real directory inside the layer (it goes through a symlink or a non-directory)")
            : NativeError.Create("openat2", relativePath, errno);
}
