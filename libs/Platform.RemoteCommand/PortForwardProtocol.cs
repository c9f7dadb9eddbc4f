using System.Buffers.Binary;
using System.Globalization;

namespace Platform.RemoteCommand;

/// <summary>
/// Kubernetes' WebSocket port-forward protocol as the kubelet serves it (subprotocol v4.channel.k8s.io on
/// `.../pods/NAME/portforward?ports=P1,P2`): each requested port i has a data channel 2i and an error
/// channel 2i+1; the server's first message on each channel is the port as two little-endian bytes, then
/// data messages carry the TCP bytes both ways and an error message carries text. The stream ends with
/// the connection to the pod. (kubectl 1.31+ instead tunnels SPDY/3.1 over WebSocket,
/// "SPDY/3.1+portforward.k8s.io"; see <see cref="Spdy.SpdyPortForwarder"/>.)
/// </summary>
public static class PortForwardProtocol
{
    public const string V4 = "v4.channel.k8s.io";

    /// <summary>What kubectl 1.31+ asks for first: SPDY framing tunnelled through the WebSocket.</summary>
    public const string SpdyTunnel = "SPDY/3.1+portforward.k8s.io";

    public static byte DataChannel(int portIndex) => (byte)(portIndex * 2);

    public static byte ErrorChannel(int portIndex) => (byte)((portIndex * 2) + 1);

    /// <summary>The protocol to answer with, or null when the client offers none this side speaks.</summary>
    public static string? Negotiate(IEnumerable<string> offered) =>
        offered.SelectMany(p => p.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Contains(V4, StringComparer.Ordinal) ? V4 : null;

    /// <summary>The first message on each channel: the port, little-endian.</summary>
    public static byte[] PortPrefix(int port)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)port);
        return bytes;
    }

    /// <summary>
    /// The ports of a request: the values of "ports" (Kubernetes' API) and "port" (the kubelet's), each
    /// repeated or comma-separated. Null and a message when one is not a port or none is given.
    /// </summary>
    public static (IReadOnlyList<int>? Ports, string? Error) ParsePorts(IEnumerable<string?> values)
    {
        var ports = new List<int>();
        foreach (var text in values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            {
                return (null, $"invalid port \"{text}\": a port is a number from 1 to 65535");
            }

            ports.Add(port);
        }

        return ports.Count == 0 ? (null, "at least one port must be specified (ports=P)") : (ports, null);
    }
}
