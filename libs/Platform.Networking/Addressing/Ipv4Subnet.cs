using System.Buffers.Binary;
using System.Net;

namespace Platform.Networking;

/// <summary>An IPv4 subnet such as 10.88.0.0/24: the node's pod network. The gateway is its first address.</summary>
public sealed record Ipv4Subnet(IPAddress Network, int PrefixLength)
{
    public static Ipv4Subnet Parse(string cidr)
    {
        var parts = cidr.Split('/');
        if (parts.Length != 2 || !IPAddress.TryParse(parts[0], out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork
            || !int.TryParse(parts[1], out var prefix) || prefix is < 8 or > 30)
        {
            throw new FormatException($"\"{cidr}\" is not an IPv4 subnet between /8 and /30 (such as 10.88.0.0/24)");
        }

        return new Ipv4Subnet(FromUInt(ToUInt(address) & Mask(prefix)), prefix);
    }

    public IPAddress Gateway => At(1);

    /// <summary>The addresses pods may take: all but the network, the gateway and the broadcast address.</summary>
    public IEnumerable<IPAddress> PodAddresses()
    {
        var size = 1u << (32 - PrefixLength);
        for (var offset = 2u; offset < size - 1; offset++)
        {
            yield return At(offset);
        }
    }

    public bool Contains(IPAddress address) => (ToUInt(address) & Mask(PrefixLength)) == ToUInt(Network);

    public static IPAddress Broadcast(IPAddress address, int prefixLength) => FromUInt(ToUInt(address) | ~Mask(prefixLength));

    public override string ToString() => $"{Network}/{PrefixLength}";

    private IPAddress At(uint offset) => FromUInt(ToUInt(Network) + offset);

    private static uint Mask(int prefix) => prefix == 0 ? 0 : uint.MaxValue << (32 - prefix);

    private static uint ToUInt(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    private static IPAddress FromUInt(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return new IPAddress(bytes);
    }
}
