using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Platform.NodeAgent.ClusterServices;

/// <summary>
/// The IPv4 subnets of this host's own interfaces, its node bridges among them: an endpoint in one is reached
/// directly, as this node's own pods are (another agent's pods on the same machine, behind its bridge). One
/// anywhere else sits on another machine, which this host may not route to at all. Read again by
/// <see cref="ServiceProxy"/> on every pass, so a bridge another agent makes later is seen within a pass.
/// </summary>
public sealed class AttachedSubnets
{
    private IReadOnlyList<(uint Network, uint Mask)> subnets = [];

    public void Refresh() => Volatile.Write(ref subnets, Read());

    public bool Contains(string ip)
    {
        if (!IPAddress.TryParse(ip, out var address) || address.AddressFamily != AddressFamily.InterNetwork)
        {
            return false;
        }

        var value = ToUInt32(address);
        return Volatile.Read(ref subnets).Any(s => (value & s.Mask) == s.Network);
    }

    private static List<(uint Network, uint Mask)> Read() =>
        NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Where(a => a.Address.AddressFamily == AddressFamily.InterNetwork && a.PrefixLength is > 0 and <= 32)
            .Select(a => Subnet(a.Address, a.PrefixLength))
            .Distinct()
            .ToList();

    private static (uint Network, uint Mask) Subnet(IPAddress address, int prefixLength)
    {
        var mask = uint.MaxValue << (32 - prefixLength);
        return (ToUInt32(address) & mask, mask);
    }

    private static uint ToUInt32(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());
}
