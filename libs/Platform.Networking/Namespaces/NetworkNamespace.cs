using Platform.Networking.Netlink;

namespace Platform.Networking;

/// <summary>
/// A network namespace kept alive by a bind mount on a file (as `ip netns add` does), so it outlives
/// every process in it. In a .NET process namespaces are per thread, so the unshare and setns happen
/// on a short-lived dedicated thread that ends right after: no pool thread is ever left in another
/// namespace.
/// </summary>
public static unsafe class NetworkNamespace
{
    /// <summary>Creates the namespace at <paramref name="path"/>; an existing one is kept (idempotent).</summary>
    public static void Create(string path)
    {
        if (IsMounted(path))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, []);
        OnOwnThread(() =>
        {
            if (Native.unshare(Native.CloneNewNet) != 0)
            {
                throw new NetlinkException("creating a network namespace", Native.Errno);
            }

            if (Native.mount("/proc/thread-self/ns/net", path, null, Native.MsBind, null) != 0)
            {
                throw new NetlinkException($"bind-mounting the network namespace on {path}", Native.Errno);
            }
        });
    }

    /// <summary>Unmounts and removes the namespace file; the kernel frees the namespace (and its links) once unused.</summary>
    public static void Delete(string path)
    {
        if (Native.umount2(path, Native.MntDetach) != 0 && Native.Errno is not (Native.EINVAL or Native.ENOENT))
        {
            throw new NetlinkException($"unmounting the network namespace {path}", Native.Errno);
        }

        // File.Delete tolerates a missing file but not a missing directory: a node whose pods never had a
        // namespace (the process launcher) has no netns directory, and every stop failed on it.
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>True when a namespace is bind-mounted at <paramref name="path"/> (nsfs, not the plain file under it).</summary>
    public static bool IsMounted(string path)
    {
        var buffer = stackalloc long[16];
        return Native.statfs(path, buffer) == 0 && buffer[0] == Native.NsfsMagic;
    }

    /// <summary>A netlink socket that acts inside the namespace at <paramref name="path"/>.</summary>
    public static NetlinkSocket OpenSocketIn(string path)
    {
        NetlinkSocket? socket = null;
        OnOwnThread(() =>
        {
            using var fd = OpenFd(path);
            if (Native.setns(fd.Value, Native.CloneNewNet) != 0)
            {
                throw new NetlinkException($"entering the network namespace {path}", Native.Errno);
            }

            socket = NetlinkSocket.Open();
        });
        return socket!;
    }

    /// <summary>An open descriptor of the namespace, for requests that name it (a veth peer created inside it).</summary>
    public static NamespaceFd OpenFd(string path)
    {
        var fd = Native.open(path, Native.ORdonly | Native.OCloexec, 0);
        return fd < 0 ? throw new NetlinkException($"opening the network namespace {path}", Native.Errno) : new NamespaceFd(fd);
    }

    private static void OnOwnThread(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "netns",
        };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw failure;
        }
    }
}

/// <summary>An open namespace file descriptor, closed on dispose.</summary>
public readonly struct NamespaceFd(int value) : IDisposable
{
    public int Value { get; } = value;

    public void Dispose() => Native.close(Value);
}
