using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Platform.NodeAgent.Networking;

/// <summary>
/// Published ports as a userspace TCP proxy in the agent: one listener per host port, each accepted
/// connection piped to the pod's address. Nothing to undo in the kernel's tables, and a port already
/// taken is found at bind time, before the pod starts.
/// </summary>
public sealed partial class HostPortProxy(ILogger<HostPortProxy> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<Forwarder>> byPod = new();

    /// <summary>Listens on every port of the pod; if one is taken, none stays open and the pod fails.</summary>
    public void Open(string uid, IPAddress podIp, IReadOnlyList<PublishedPort> ports)
    {
        if (ports.Count == 0 || byPod.ContainsKey(uid))
        {
            return;
        }

        var opened = new List<Forwarder>();
        try
        {
            foreach (var port in ports)
            {
                opened.Add(Forwarder.Start(port, new IPEndPoint(podIp, port.ContainerPort), logger));
            }
        }
        catch (SocketException e)
        {
            opened.ForEach(f => f.Stop());
            var port = ports[opened.Count];
            throw new PodNetworkException("HostPortInUse", e.SocketErrorCode == SocketError.AddressAlreadyInUse
                ? $"hostPort {port.HostPort} on {port.HostIP} is already in use"
                : $"cannot listen on {port.HostIP}:{port.HostPort}: {e.Message}");
        }

        byPod[uid] = opened;
    }

    public async Task CloseAsync(string uid)
    {
        if (byPod.TryRemove(uid, out var forwarders))
        {
            await Task.WhenAll(forwarders.Select(f => f.StopAsync()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var uid in byPod.Keys)
        {
            await CloseAsync(uid);
        }
    }

    private sealed class Forwarder
    {
        private readonly TcpListener listener;
        private readonly IPEndPoint target;
        private readonly ILogger logger;
        private readonly CancellationTokenSource stopping = new();
        private Task accepting = Task.CompletedTask;

        private Forwarder(TcpListener listener, IPEndPoint target, ILogger logger)
        {
            this.listener = listener;
            this.target = target;
            this.logger = logger;
        }

        public static Forwarder Start(PublishedPort port, IPEndPoint target, ILogger logger)
        {
            var listener = new TcpListener(IPAddress.Parse(port.HostIP), port.HostPort);
            listener.Start();
            var forwarder = new Forwarder(listener, target, logger);
            forwarder.accepting = forwarder.AcceptAsync();
            return forwarder;
        }

        public void Stop()
        {
            stopping.Cancel();
            listener.Stop();
        }

        public async Task StopAsync()
        {
            Stop();
            try
            {
                await accepting;
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task AcceptAsync()
        {
            while (!stopping.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await listener.AcceptSocketAsync(stopping.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = PipeAsync(client);
            }
        }

        private async Task PipeAsync(Socket client)
        {
            using var _ = client;
            using var upstream = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                await upstream.ConnectAsync(target, stopping.Token);
                await TcpRelay.RunAsync(client, upstream, stopping.Token);
            }
            catch (Exception e) when (e is SocketException or IOException or OperationCanceledException)
            {
                LogConnectionEnded(logger, target.ToString(), e.Message);
            }
        }
    }

    [LoggerMessage(LogLevel.Debug, "A forwarded connection to {Target} ended: {Reason}")]
    private static partial void LogConnectionEnded(ILogger logger, string target, string reason);
}
