using System.Net;

namespace Platform.Networking.Netlink;

/// <summary>The rtnetlink requests the node's networking makes, as bytes (pure, unit-tested).</summary>
public static class LinkRequests
{
    private const ushort Create = Rtnl.FlagCreate | Rtnl.FlagExclusive | Rtnl.FlagAck;

    public static byte[] NewBridge(string name, uint sequence) =>
        new NetlinkMessage(Rtnl.NewLink, Create, sequence)
            .LinkHeader()
            .Attribute(Rtnl.LinkName, name)
            .BeginNested(Rtnl.LinkInfo).Attribute(Rtnl.InfoKind, "bridge").EndNested()
            .ToArray();

    /// <summary>
    /// A veth pair whose peer is created straight inside another network namespace (by descriptor)
    /// under its final name: one request, so a failure never leaves a half-moved pair behind.
    /// </summary>
    public static byte[] NewVethPair(string name, string peerName, int peerNamespaceFd, uint sequence) =>
        new NetlinkMessage(Rtnl.NewLink, Create, sequence)
            .LinkHeader()
            .Attribute(Rtnl.LinkName, name)
            .BeginNested(Rtnl.LinkInfo)
            .Attribute(Rtnl.InfoKind, "veth")
            .BeginNested(Rtnl.InfoData)
            .BeginNested(Rtnl.VethPeer)
            .LinkHeader()
            .Attribute(Rtnl.LinkName, peerName)
            .Attribute(Rtnl.LinkNetNsFd, (uint)peerNamespaceFd)
            .EndNested()
            .EndNested()
            .EndNested()
            .ToArray();

    public static byte[] DeleteLink(string name, uint sequence) =>
        new NetlinkMessage(Rtnl.DelLink, Rtnl.FlagAck, sequence)
            .LinkHeader()
            .Attribute(Rtnl.LinkName, name)
            .ToArray();

    public static byte[] GetLink(string name, uint sequence) =>
        new NetlinkMessage(Rtnl.GetLink, 0, sequence)
            .LinkHeader()
            .Attribute(Rtnl.LinkName, name)
            .ToArray();

    public static byte[] SetUp(int index, uint sequence) =>
        new NetlinkMessage(Rtnl.NewLink, Rtnl.FlagAck, sequence)
            .LinkHeader(index, Rtnl.InterfaceUp, Rtnl.InterfaceUp)
            .ToArray();

    public static byte[] SetMaster(int index, int masterIndex, uint sequence) =>
        new NetlinkMessage(Rtnl.NewLink, Rtnl.FlagAck, sequence)
            .LinkHeader(index)
            .Attribute(Rtnl.LinkMaster, (uint)masterIndex)
            .ToArray();

    public static byte[] MoveToNamespace(int index, int namespaceFd, uint sequence) =>
        new NetlinkMessage(Rtnl.NewLink, Rtnl.FlagAck, sequence)
            .LinkHeader(index)
            .Attribute(Rtnl.LinkNetNsFd, (uint)namespaceFd)
            .ToArray();

    public static byte[] Rename(int index, string name, uint sequence) =>
        new NetlinkMessage(Rtnl.NewLink, Rtnl.FlagAck, sequence)
            .LinkHeader(index)
            .Attribute(Rtnl.LinkName, name)
            .ToArray();

    /// <summary>An IPv4 address on a link; replacing makes a second identical request succeed.</summary>
    public static byte[] AddAddress(int index, IPAddress address, int prefixLength, uint sequence)
    {
        var bytes = address.GetAddressBytes();
        return new NetlinkMessage(Rtnl.NewAddr, Rtnl.FlagCreate | Rtnl.FlagReplace | Rtnl.FlagAck, sequence)
            .AddressHeader((byte)prefixLength, index)
            .Attribute(Rtnl.AddrLocal, bytes)
            .Attribute(Rtnl.AddrAddress, bytes)
            .Attribute(Rtnl.AddrBroadcast, Ipv4Subnet.Broadcast(address, prefixLength).GetAddressBytes())
            .ToArray();
    }

    /// <summary>
    /// A route of type local for a whole range in the local table, through <paramref name="index"/>: every
    /// address of the range is this host's (what `ip route add local RANGE dev LINK table local` does), so a
    /// socket binds to any of them and a connection to one nobody listens on is refused here. Replacing
    /// makes a second identical request succeed.
    /// </summary>
    public static byte[] AddLocalRoute(IPAddress network, int prefixLength, int index, uint sequence) =>
        LocalRoute(Rtnl.NewRoute, Rtnl.FlagCreate | Rtnl.FlagReplace | Rtnl.FlagAck, network, prefixLength, index, sequence);

    public static byte[] DeleteLocalRoute(IPAddress network, int prefixLength, int index, uint sequence) =>
        LocalRoute(Rtnl.DelRoute, Rtnl.FlagAck, network, prefixLength, index, sequence);

    private static byte[] LocalRoute(ushort type, ushort flags, IPAddress network, int prefixLength, int index, uint sequence) =>
        new NetlinkMessage(type, flags, sequence)
            .RouteHeader((byte)prefixLength, Rtnl.TableLocal, Rtnl.ScopeHost, Rtnl.TypeLocal)
            .Attribute(Rtnl.RouteDestination, network.GetAddressBytes())
            .Attribute(Rtnl.RouteOutputInterface, (uint)index)
            .ToArray();

    public static byte[] AddDefaultRoute(IPAddress gateway, uint sequence) =>
        new NetlinkMessage(Rtnl.NewRoute, Rtnl.FlagCreate | Rtnl.FlagReplace | Rtnl.FlagAck, sequence)
            .RouteHeader(0)
            .Attribute(Rtnl.RouteGateway, gateway.GetAddressBytes())
            .ToArray();
}
