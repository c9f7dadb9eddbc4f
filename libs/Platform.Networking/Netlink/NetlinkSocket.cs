namespace Platform.Networking.Netlink;

/// <summary>
/// An AF_NETLINK/NETLINK_ROUTE socket. A netlink socket acts in the network namespace it was created
/// in, whichever thread uses it later: that is how links inside a pod's namespace are configured from
/// the agent (see <see cref="NetworkNamespace.OpenSocketIn"/>). Requests are synchronous: the kernel
/// answers each at once.
/// </summary>
public sealed unsafe class NetlinkSocket : IDisposable
{
    private readonly int fd;
    private readonly Lock gate = new();
    private uint sequence;

    private NetlinkSocket(int fd) => this.fd = fd;

    public static NetlinkSocket Open()
    {
        var fd = Native.socket(Native.AfNetlink, Native.SockRaw | Native.SockCloexec, Native.NetlinkRoute);
        if (fd < 0)
        {
            throw new NetlinkException("opening a netlink socket", Native.Errno);
        }

        // struct sockaddr_nl: family, pad, pid 0 (the kernel assigns one), groups 0.
        var address = stackalloc byte[12];
        new Span<byte>(address, 12).Clear();
        address[0] = Native.AfNetlink;
        // A kernel that never answers must not hang the agent: a 5 s receive timeout.
        var timeout = stackalloc long[2] { 5, 0 };
        if (Native.bind(fd, address, 12) != 0 || Native.setsockopt(fd, Native.SolSocket, Native.SoRcvtimeo, timeout, 16) != 0)
        {
            var errno = Native.Errno;
            Native.close(fd);
            throw new NetlinkException("binding a netlink socket", errno);
        }

        return new NetlinkSocket(fd);
    }

    /// <summary>Sends a request built by <paramref name="build"/> and returns the errno of its answer (0 = done).</summary>
    public int Request(Func<uint, byte[]> build) => Exchange(build, (buffer, seq) => NetlinkReply.ErrorOf(buffer, seq));

    /// <summary>Like <see cref="Request"/>, but throws unless the answer is success or one of <paramref name="tolerated"/>.</summary>
    public void Require(string operation, Func<uint, byte[]> build, params int[] tolerated)
    {
        var errno = Request(build);
        if (errno != 0 && !tolerated.Contains(errno))
        {
            throw new NetlinkException(operation, errno);
        }
    }

    /// <summary>The index of the link named <paramref name="name"/>, or null when there is none.</summary>
    public int? LinkIndex(string name)
    {
        // A positive answer is the index; an error answer comes back as -errno.
        var answer = Exchange(
            seq => LinkRequests.GetLink(name, seq),
            (buffer, seq) => NetlinkReply.LinkIndexOf(buffer, seq) ?? -NetlinkReply.ErrorOf(buffer, seq));
        return answer switch
        {
            > 0 => answer,
            -Native.ENODEV => null,
            _ => throw new NetlinkException($"looking up link {name}", -answer),
        };
    }

    private int Exchange(Func<uint, byte[]> build, Func<byte[], uint, int?> read)
    {
        lock (gate)
        {
            var seq = ++sequence;
            var message = build(seq);
            fixed (byte* data = message)
            {
                if (Native.send(fd, data, (nuint)message.Length, 0) != message.Length)
                {
                    throw new NetlinkException("sending a netlink request", Native.Errno);
                }
            }

            var buffer = new byte[32 * 1024];
            while (true)
            {
                nint received;
                fixed (byte* data = buffer)
                {
                    received = Native.recv(fd, data, (nuint)buffer.Length, 0);
                }

                if (received <= 0)
                {
                    throw new NetlinkException("reading a netlink answer", received == 0 ? Native.EINVAL : Native.Errno);
                }

                if (read(buffer[..(int)received], seq) is { } answer)
                {
                    return answer;
                }
            }
        }
    }

    public void Dispose() => Native.close(fd);
}
