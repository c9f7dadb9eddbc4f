using System.Net;
using System.Net.Sockets;

namespace Platform.RemoteCommand.Tests.Spdy;

/// <summary>Two ends of one real TCP connection on 127.0.0.1, for a protocol's two sides in one test.</summary>
public sealed class LoopbackPair : IDisposable
{
    private readonly TcpClient client;
    private readonly TcpClient server;

    private LoopbackPair(TcpClient client, TcpClient server)
    {
        this.client = client;
        this.server = server;
    }

    public Stream Client => client.GetStream();

    public Stream Server => server.GetStream();

    public static async Task<LoopbackPair> OpenAsync()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var client = new TcpClient();
        var accepted = listener.AcceptTcpClientAsync();
        await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port);
        return new LoopbackPair(client, await accepted);
    }

    public void Dispose()
    {
        client.Dispose();
        server.Dispose();
    }
}
