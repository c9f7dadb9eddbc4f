using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Platform.NodeAgent.Tests.Networking;

/// <summary>Real TCP servers on 127.0.0.1 for the agent's proxies to reach, and a client that reads what comes back.</summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task serving;

    /// <summary>Answers each connection with <paramref name="answer"/> followed by what the client sent, then closes it.</summary>
    public LoopbackServer(string answer)
    {
        listener.Start();
        serving = ServeAsync(answer);
    }

    public IPEndPoint Endpoint => (IPEndPoint)listener.LocalEndpoint;

    /// <summary>A loopback port nothing listens on: a connection to it is refused.</summary>
    public static IPEndPoint Refusing()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var endpoint = (IPEndPoint)probe.LocalEndpoint;
        probe.Stop();
        return endpoint;
    }

    /// <summary>Sends <paramref name="request"/>, half-closes, and reads everything until the other side closes.</summary>
    public static async Task<string> ExchangeAsync(IPEndPoint endpoint, string request)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await client.ConnectAsync(endpoint, timeout.Token);
        await client.SendAsync(Encoding.ASCII.GetBytes(request), timeout.Token);
        client.Shutdown(SocketShutdown.Send);
        var received = new List<byte>();
        var buffer = new byte[4096];
        while (await client.ReceiveAsync(buffer, timeout.Token) is var count and > 0)
        {
            received.AddRange(buffer.AsSpan(0, count));
        }

        return Encoding.ASCII.GetString(received.ToArray());
    }

    /// <summary>The socket error behind a failed exchange: a reset shows on the send or on the read, as it comes.</summary>
    public static SocketError? SocketErrorOf(Exception failure) =>
        (failure as SocketException ?? failure.InnerException as SocketException)?.SocketErrorCode;

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await serving;
    }

    private async Task ServeAsync(string answer)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = AnswerAsync(connection, answer);
        }
    }

    private static async Task AnswerAsync(Socket connection, string answer)
    {
        using var _ = connection;
        await using var stream = new NetworkStream(connection);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var request = await reader.ReadToEndAsync();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(answer + request));
    }
}
