using System.Net.Sockets;

namespace Platform.NodeAgent.Networking;

/// <summary>Pipes two connected TCP sockets both ways until both directions have ended (the agent's userspace proxies).</summary>
public static class TcpRelay
{
    public static async Task RunAsync(Socket client, Socket upstream, CancellationToken cancellationToken)
    {
        await using var clientStream = new NetworkStream(client, ownsSocket: false);
        await using var upstreamStream = new NetworkStream(upstream, ownsSocket: false);
        await Task.WhenAll(
            CopyThenShutdownAsync(clientStream, upstream, cancellationToken),
            CopyThenShutdownAsync(upstreamStream, client, cancellationToken));
    }

    /// <summary>Copies one direction; its end half-closes the other side, so request/response protocols finish cleanly.</summary>
    private static async Task CopyThenShutdownAsync(Stream from, Socket to, CancellationToken cancellationToken)
    {
        await using var toStream = new NetworkStream(to, ownsSocket: false);
        await from.CopyToAsync(toStream, cancellationToken);
        try
        {
            to.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
        }
    }
}
