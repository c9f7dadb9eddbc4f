using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Platform.NodeAgent.Networking;

/// <summary>
/// Published ports as a userspace TCP proxy in the agent: one listener per host port, each accepted
/// connection piped to the pod's address. Nothing to undo in the kernel's tables, and a port already
/// taken is found at bind time, before the pod starts.
/// </summary>
public sealed class HostPortProxy(ILogger<HostPortProxy> logger) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, List<TcpProxyListener>> byPod = new();

    /// <summary>Listens on every port of the pod; if one is taken, none stays open and the pod fails.</summary>
    public void Open(string uid, IPAddress podIp, IReadOnlyList<PublishedPort> ports)
    {
        if (ports.Count == 0 || byPod.ContainsKey(uid))
        {
            return;
        }

        var opened = new List<TcpProxyListener>();
        try
        {
            foreach (var port in ports)
            {
                opened.Add(Forward(port, new IPEndPoint(podIp, port.ContainerPort)));
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
            await Task.WhenAll(forwarders.Select(f => f.DisposeAsync().AsTask()));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var uid in byPod.Keys)
        {
            await CloseAsync(uid);
        }
    }

    /// <summary>Every connection to the host port goes to the pod's port; one the pod refuses is closed.</summary>
    private TcpProxyListener Forward(PublishedPort port, IPEndPoint target) =>
        TcpProxyListener.Start(new IPEndPoint(IPAddress.Parse(port.HostIP), port.HostPort), stopping => ConnectAsync(target, stopping), logger);

    private static async Task<Socket?> ConnectAsync(IPEndPoint target, CancellationToken stopping)
    {
        var upstream = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await upstream.ConnectAsync(target, stopping);
            return upstream;
        }
        catch
        {
            upstream.Dispose();
            throw;
        }
    }
}
