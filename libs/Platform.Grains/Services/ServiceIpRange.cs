using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Platform.Grains.Services;

/// <summary>An IPv4 range such as 10.96.0.0/16 that cluster IPs come from; its network and broadcast addresses are never handed out.</summary>
public sealed record ServiceIpRange(uint Network, int PrefixLength)
{
    public static ServiceIpRange Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0
            || !IPAddress.TryParse(cidr[..slash], out var address)
            || address.AddressFamily != AddressFamily.InterNetwork
            || !int.TryParse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture, out var prefix)
            || prefix is < 8 or > 30)
        {
            throw new FormatException($"invalid service CIDR \"{cidr}\": expected an IPv4 range with a prefix of 8 to 30 bits");
        }

        var mask = uint.MaxValue << (32 - prefix);
        return new ServiceIpRange(ToNumber(address) & mask, prefix);
    }

    public uint Size => 1u << (32 - PrefixLength);

    /// <summary>The first address handed out (network + 1); Kubernetes gives it to the "kubernetes" service.</summary>
    public uint First => Network + 1;

    public uint Last => Network + Size - 2;

    public bool Contains(IPAddress address) =>
        address.AddressFamily == AddressFamily.InterNetwork && ToNumber(address) is var n && n >= First && n <= Last;

    public static uint ToNumber(IPAddress address) => BinaryPrimitives.ReadUInt32BigEndian(address.GetAddressBytes());

    public static string ToText(uint number)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, number);
        return new IPAddress(bytes).ToString();
    }

    public override string ToString() => $"{ToText(Network)}/{PrefixLength}";
}
