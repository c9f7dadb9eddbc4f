using System.Net;
using System.Net.Sockets;

namespace Platform.Networking.Dns;

/// <summary>A UDP DNS server on one address (the node bridge's, port 53) answering from <see cref="IDnsNames"/>.</summary>
public sealed class DnsResponder : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly IDnsNames names;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    private DnsResponder(Socket socket, IDnsNames names)
    {
        this.socket = socket;
        this.names = names;
        serving = ServeAsync(stopping.Token);
    }

    public IPEndPoint Endpoint => (IPEndPoint)socket.LocalEndPoint!;

    public static DnsResponder Start(IPEndPoint endpoint, IDnsNames names)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(endpoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new DnsResponder(socket, names);
    }

    private async Task ServeAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[512];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            if (DnsAnswers.Respond(buffer.AsSpan(0, received.ReceivedBytes), names) is { } answer)
            {
                try
                {
                    await socket.SendToAsync(answer, SocketFlags.None, received.RemoteEndPoint, cancellationToken);
                }
                catch (SocketException)
                {
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await serving;
        }
        catch (OperationCanceledException)
        {
        }

        socket.Dispose();
        stopping.Dispose();
    }
}
