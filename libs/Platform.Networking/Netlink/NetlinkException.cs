namespace Platform.Networking.Netlink;

/// <summary>The kernel refused a netlink request (or a namespace call failed) with this errno.</summary>
public sealed class NetlinkException(string operation, int errno)
    : Exception($"{operation}: {Netlink.Native.Describe(errno)}")
{
    public int Errno { get; } = errno;
}
