using System.Buffers.Binary;

namespace Platform.Networking.Netlink;

/// <summary>Reads the kernel's answers: an acknowledgement (error 0), an error (negative errno) or a link.</summary>
public static class NetlinkReply
{
    /// <summary>The errno of the NLMSG_ERROR answering <paramref name="sequence"/> (0 for an ack), or null if none is in the buffer.</summary>
    public static int? ErrorOf(ReadOnlySpan<byte> buffer, uint sequence)
    {
        foreach (var (type, seq, payload) in Messages(buffer))
        {
            if (type == Rtnl.Error && seq == sequence)
            {
                return -BinaryPrimitives.ReadInt32LittleEndian(payload);
            }
        }

        return null;
    }

    /// <summary>The interface index of the RTM_NEWLINK answering a GetLink, or null.</summary>
    public static int? LinkIndexOf(ReadOnlySpan<byte> buffer, uint sequence)
    {
        foreach (var (type, seq, payload) in Messages(buffer))
        {
            if (type == Rtnl.NewLink && seq == sequence && payload.Length >= Rtnl.LinkMessageSize)
            {
                return BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
            }
        }

        return null;
    }

    private static List<(ushort Type, uint Sequence, byte[] Payload)> Messages(ReadOnlySpan<byte> buffer)
    {
        var messages = new List<(ushort, uint, byte[])>();
        var offset = 0;
        while (offset + Rtnl.HeaderSize <= buffer.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer[offset..]);
            if (length < Rtnl.HeaderSize || offset + length > buffer.Length)
            {
                break;
            }

            var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer[(offset + 4)..]);
            var sequence = BinaryPrimitives.ReadUInt32LittleEndian(buffer[(offset + 8)..]);
            messages.Add((type, sequence, buffer[(offset + Rtnl.HeaderSize)..(offset + length)].ToArray()));
            offset += (length + 3) & ~3;
        }

        return messages;
    }
}
