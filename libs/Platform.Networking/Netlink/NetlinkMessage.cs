using System.Buffers.Binary;
using System.Text;

namespace Platform.Networking.Netlink;

/// <summary>
/// Builds one netlink request in memory: the header, a fixed family message (ifinfomsg, ifaddrmsg,
/// rtmsg) and attributes, each aligned to 4 bytes as NLMSG_ALIGN and RTA_ALIGN ask. Pure code: the
/// bytes are what the kernel reads, so they are unit-tested against hand-decoded dumps.
/// </summary>
public sealed class NetlinkMessage
{
    private readonly List<byte> bytes = [];
    private readonly Stack<int> nested = new();

    public NetlinkMessage(ushort type, ushort flags, uint sequence)
    {
        AppendUInt32(0);
        AppendUInt16(type);
        AppendUInt16((ushort)(flags | Rtnl.FlagRequest));
        AppendUInt32(sequence);
        AppendUInt32(0);
    }

    /// <summary>struct ifinfomsg: family, type, index, flags and the mask of flags to change.</summary>
    public NetlinkMessage LinkHeader(int index = 0, uint flags = 0, uint change = 0)
    {
        bytes.Add(0);
        bytes.Add(0);
        AppendUInt16(0);
        AppendUInt32((uint)index);
        AppendUInt32(flags);
        AppendUInt32(change);
        return this;
    }

    /// <summary>struct ifaddrmsg for IPv4.</summary>
    public NetlinkMessage AddressHeader(byte prefixLength, int index)
    {
        bytes.AddRange([Rtnl.FamilyInet, prefixLength, 0, Rtnl.ScopeUniverse]);
        AppendUInt32((uint)index);
        return this;
    }

    /// <summary>struct rtmsg for an IPv4 unicast route in the main table.</summary>
    public NetlinkMessage RouteHeader(byte destinationLength) =>
        RouteHeader(destinationLength, Rtnl.TableMain, Rtnl.ScopeUniverse, Rtnl.TypeUnicast);

    /// <summary>struct rtmsg for an IPv4 route of any table, scope and type.</summary>
    public NetlinkMessage RouteHeader(byte destinationLength, byte table, byte scope, byte type)
    {
        bytes.AddRange([Rtnl.FamilyInet, destinationLength, 0, 0, table, Rtnl.ProtocolBoot, scope, type]);
        AppendUInt32(0);
        return this;
    }

    public NetlinkMessage Attribute(ushort type, ReadOnlySpan<byte> value)
    {
        AppendUInt16((ushort)(4 + value.Length));
        AppendUInt16(type);
        bytes.AddRange(value.ToArray());
        Pad();
        return this;
    }

    public NetlinkMessage Attribute(ushort type, uint value)
    {
        Span<byte> data = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(data, value);
        return Attribute(type, data);
    }

    /// <summary>A NUL-terminated string attribute (interface names, link kinds).</summary>
    public NetlinkMessage Attribute(ushort type, string value) =>
        Attribute(type, Encoding.ASCII.GetBytes(value + "\0"));

    /// <summary>Opens a nested attribute; its length is filled in by <see cref="EndNested"/>.</summary>
    public NetlinkMessage BeginNested(ushort type)
    {
        nested.Push(bytes.Count);
        AppendUInt16(0);
        AppendUInt16(type);
        return this;
    }

    public NetlinkMessage EndNested()
    {
        var start = nested.Pop();
        WriteUInt16At(start, (ushort)(bytes.Count - start));
        return this;
    }

    /// <summary>The finished message, with its total length in the header.</summary>
    public byte[] ToArray()
    {
        if (nested.Count > 0)
        {
            throw new InvalidOperationException("a nested attribute was not closed");
        }

        var result = bytes.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result, (uint)result.Length);
        return result;
    }

    private void Pad()
    {
        while (bytes.Count % 4 != 0)
        {
            bytes.Add(0);
        }
    }

    private void AppendUInt16(ushort value)
    {
        bytes.Add((byte)value);
        bytes.Add((byte)(value >> 8));
    }

    private void AppendUInt32(uint value)
    {
        AppendUInt16((ushort)value);
        AppendUInt16((ushort)(value >> 16));
    }

    private void WriteUInt16At(int offset, ushort value)
    {
        bytes[offset] = (byte)value;
        bytes[offset + 1] = (byte)(value >> 8);
    }
}
