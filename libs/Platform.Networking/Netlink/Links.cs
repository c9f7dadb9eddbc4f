using System.Net;

namespace Platform.Networking.Netlink;

/// <summary>The link operations of the node's networking, each idempotent, over one netlink socket.</summary>
public static class Links
{
    /// <summary>A bridge with <paramref name="address"/>/<paramref name="prefixLength"/>, up; an existing one is reused.</summary>
    public static int EnsureBridge(NetlinkSocket socket, string name, IPAddress address, int prefixLength)
    {
        socket.Require($"creating bridge {name}", seq => LinkRequests.NewBridge(name, seq), Native.EEXIST);
        var index = Index(socket, name);
        socket.Require($"adding {address}/{prefixLength} to {name}", seq => LinkRequests.AddAddress(index, address, prefixLength, seq));
        socket.Require($"bringing {name} up", seq => LinkRequests.SetUp(index, seq));
        return index;
    }

    /// <summary>Makes every address of <paramref name="range"/> local to this host, through link <paramref name="index"/>; idempotent.</summary>
    public static void AddLocalRoute(NetlinkSocket socket, Ipv4Subnet range, int index) =>
        socket.Require($"adding local route {range}", seq => LinkRequests.AddLocalRoute(range.Network, range.PrefixLength, index, seq));

    /// <summary>Removes that route; one already gone (or gone with its link) is fine.</summary>
    public static void RemoveLocalRoute(NetlinkSocket socket, Ipv4Subnet range, int index) =>
        socket.Require($"removing local route {range}", seq => LinkRequests.DeleteLocalRoute(range.Network, range.PrefixLength, index, seq), Native.ESRCH, Native.ENODEV);

    /// <summary>The index of an existing link; throws when there is none.</summary>
    public static int IndexOf(NetlinkSocket socket, string name) => Index(socket, name);

    /// <summary>
    /// A veth pair: <paramref name="hostName"/> on the bridge, up; its peer <paramref name="peerName"/>
    /// created inside the namespace open as <paramref name="namespaceFd"/>. A pair left by an earlier
    /// attempt is replaced.
    /// </summary>
    public static void CreateVethOnBridge(NetlinkSocket socket, string hostName, string peerName, int namespaceFd, int bridgeIndex)
    {
        Delete(socket, hostName);
        socket.Require($"creating veth {hostName}", seq => LinkRequests.NewVethPair(hostName, peerName, namespaceFd, seq));
        var index = Index(socket, hostName);
        socket.Require($"attaching {hostName} to the bridge", seq => LinkRequests.SetMaster(index, bridgeIndex, seq));
        socket.Require($"bringing {hostName} up", seq => LinkRequests.SetUp(index, seq));
    }

    /// <summary>Inside a namespace: lo up, the address on <paramref name="link"/>, up, and the default route.</summary>
    public static void ConfigureInside(NetlinkSocket socket, string link, IPAddress address, int prefixLength, IPAddress gateway)
    {
        socket.Require("bringing lo up", seq => LinkRequests.SetUp(Index(socket, "lo"), seq));
        var index = Index(socket, link);
        socket.Require($"adding {address}/{prefixLength} to {link}", seq => LinkRequests.AddAddress(index, address, prefixLength, seq));
        socket.Require($"bringing {link} up", seq => LinkRequests.SetUp(index, seq));
        socket.Require($"adding the default route via {gateway}", seq => LinkRequests.AddDefaultRoute(gateway, seq));
    }

    /// <summary>Deletes a link (a veth takes its peer with it); a missing one is fine.</summary>
    public static void Delete(NetlinkSocket socket, string name) =>
        socket.Require($"deleting link {name}", seq => LinkRequests.DeleteLink(name, seq), Native.ENODEV);

    public static bool Exists(NetlinkSocket socket, string name) => socket.LinkIndex(name) is not null;

    private static int Index(NetlinkSocket socket, string name) =>
        socket.LinkIndex(name) ?? throw new NetlinkException($"finding link {name}", Native.ENODEV);
}
