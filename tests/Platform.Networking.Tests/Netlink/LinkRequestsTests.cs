using System.Net;
using Platform.Networking;
using Platform.Networking.Netlink;

namespace Platform.Networking.Tests.Netlink;

/// <summary>The bytes of each request, decoded by hand from linux/netlink.h and linux/rtnetlink.h (little-endian x86-64).</summary>
public sealed class LinkRequestsTests
{
    [Fact]
    public void A_bridge_request_nests_the_kind_in_linkinfo()
    {
        var bytes = LinkRequests.NewBridge("br0", sequence: 7);

        Assert.Equal(Hex(
            "38000000", // nlmsghdr: length 56
            "1000", "0506", // RTM_NEWLINK, REQUEST|ACK|EXCL|CREATE
            "07000000", "00000000", // sequence, port id
            "00000000", "00000000", "00000000", "00000000", // ifinfomsg: family, type, index, flags, change
            "0800", "0300", "62723000", // IFLA_IFNAME "br0\0"
            "1000", "1200", // IFLA_LINKINFO, 16 bytes
            "0b00", "0100", "6272696467650000"), // IFLA_INFO_KIND "bridge\0" + padding
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void A_veth_request_creates_its_peer_inside_a_namespace_by_descriptor()
    {
        var bytes = LinkRequests.NewVethPair("pv1", "eth0", peerNamespaceFd: 9, sequence: 1);

        Assert.Equal(Hex(
            "64000000", "1000", "0506", "01000000", "00000000",
            "00000000", "00000000", "00000000", "00000000",
            "0800", "0300", "70763100", // IFLA_IFNAME "pv1\0"
            "3c00", "1200", // IFLA_LINKINFO, 60 bytes
            "0900", "0100", "7665746800000000", // IFLA_INFO_KIND "veth\0" + padding
            "2c00", "0200", // IFLA_INFO_DATA, 44 bytes
            "2800", "0100", // VETH_INFO_PEER, 40 bytes: an ifinfomsg and the peer's attributes
            "00000000", "00000000", "00000000", "00000000",
            "0900", "0300", "6574683000000000", // IFLA_IFNAME "eth0\0" + padding
            "0800", "1c00", "09000000"), // IFLA_NET_NS_FD 9
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void An_address_request_carries_local_address_and_broadcast()
    {
        var bytes = LinkRequests.AddAddress(3, IPAddress.Parse("10.88.0.1"), 24, sequence: 2);

        Assert.Equal(Hex(
            "30000000", "1400", "0505", "02000000", "00000000", // RTM_NEWADDR, REQUEST|ACK|REPLACE|CREATE
            "02", "18", "00", "00", "03000000", // ifaddrmsg: AF_INET, /24, flags, scope, index 3
            "0800", "0200", "0a580001", // IFA_LOCAL
            "0800", "0100", "0a580001", // IFA_ADDRESS
            "0800", "0400", "0a5800ff"), // IFA_BROADCAST
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void A_local_route_makes_a_range_the_hosts_in_the_local_table_and_its_removal_is_the_same_with_RTM_DELROUTE()
    {
        var add = LinkRequests.AddLocalRoute(IPAddress.Parse("10.96.0.0"), 16, index: 6, sequence: 8);
        var delete = LinkRequests.DeleteLocalRoute(IPAddress.Parse("10.96.0.0"), 16, index: 6, sequence: 8);

        Assert.Equal(Hex(
            "2c000000", "1800", "0505", "08000000", "00000000", // RTM_NEWROUTE, REQUEST|ACK|REPLACE|CREATE
            "02", "10", "00", "00", "ff", "03", "fe", "02", "00000000", // rtmsg: AF_INET, /16, tos, table local, boot, scope host, RTN_LOCAL
            "0800", "0100", "0a600000", // RTA_DST
            "0800", "0400", "06000000"), // RTA_OIF 6
            Convert.ToHexString(add).ToLowerInvariant());
        Assert.Equal(Hex(
            "2c000000", "1900", "0500", "08000000", "00000000", // RTM_DELROUTE, REQUEST|ACK
            "02", "10", "00", "00", "ff", "03", "fe", "02", "00000000",
            "0800", "0100", "0a600000",
            "0800", "0400", "06000000"),
            Convert.ToHexString(delete).ToLowerInvariant());
    }

    [Fact]
    public void A_default_route_has_no_destination_and_a_gateway()
    {
        var bytes = LinkRequests.AddDefaultRoute(IPAddress.Parse("10.88.0.1"), sequence: 3);

        Assert.Equal(Hex(
            "24000000", "1800", "0505", "03000000", "00000000", // RTM_NEWROUTE
            "02", "00", "00", "00", "fe", "03", "00", "01", "00000000", // rtmsg: inet, dst /0, main table, boot, universe, unicast
            "0800", "0500", "0a580001"), // RTA_GATEWAY
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void Setting_a_link_up_changes_only_the_up_flag()
    {
        var bytes = LinkRequests.SetUp(5, sequence: 4);

        Assert.Equal(Hex("20000000", "1000", "0500", "04000000", "00000000", "00000000", "05000000", "01000000", "01000000"),
            Convert.ToHexString(bytes).ToLowerInvariant());
    }

    [Fact]
    public void An_unclosed_nested_attribute_is_a_programming_error()
    {
        var message = new NetlinkMessage(Rtnl.NewLink, 0, 1).LinkHeader().BeginNested(Rtnl.LinkInfo);

        Assert.Throws<InvalidOperationException>(() => message.ToArray());
    }

    [Fact]
    public void Replies_give_the_errno_of_the_matching_sequence_and_link_indexes()
    {
        var error = Convert.FromHexString("24000000" + "0200" + "0001" + "05000000" + "00000000" + "efffffff" + new string('0', 32));
        var link = Convert.FromHexString("20000000" + "1000" + "0000" + "06000000" + "00000000" + "00000000" + "2a000000" + "0000000000000000");

        Assert.Equal(17, NetlinkReply.ErrorOf(error, 5));
        Assert.Null(NetlinkReply.ErrorOf(error, 6));
        Assert.Equal(42, NetlinkReply.LinkIndexOf(link, 6));
    }

    private static string Hex(params string[] parts) => string.Concat(parts);
}
