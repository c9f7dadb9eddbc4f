using System.Net;
using Platform.NodeAgent.Networking;
using Platform.NodeAgent.Pods;
using Platform.RemoteCommand;

namespace Platform.NodeAgent.PortForward;

/// <summary>
/// `GET /pods/{uid}/portforward?ports=P,...` upgraded to a WebSocket (v4.channel.k8s.io): the kubelet's
/// port-forward. The agent dials the pod's own address (its sandbox's, or the node's for a pod on the
/// host network) on each port and relays the bytes (<see cref="PortForwardSession"/>).
/// </summary>
public static class PortForwardEndpoints
{
    public static void MapPodPortForward(this IEndpointRouteBuilder app) =>
        app.MapMethods("/pods/{uid}/portforward", ["GET", "POST"], ServeAsync);

    private static async Task ServeAsync(
        string uid, HttpContext context, PodSupervisor pods, NetworkSettings network, NodeAgentSettings node, ILoggerFactory loggers)
    {
        var protocol = PortForwardProtocol.Negotiate(context.WebSockets.WebSocketRequestedProtocols);
        if (!context.WebSockets.IsWebSocketRequest || protocol is null)
        {
            await Results.Text($"port-forward needs a WebSocket upgrade with subprotocol {PortForwardProtocol.V4}\n", statusCode: 400).ExecuteAsync(context);
            return;
        }

        var (ports, error) = PortForwardProtocol.ParsePorts([.. context.Request.Query["ports"], .. context.Request.Query["port"]]);
        if (ports is null)
        {
            await Results.Text(error + "\n", statusCode: 400).ExecuteAsync(context);
            return;
        }

        if (!PodStore.IsValidUid(uid) || !pods.IsKnown(uid))
        {
            await Results.Text($"pod {uid} is not on this node\n", statusCode: 404).ExecuteAsync(context);
            return;
        }

        var address = PodAddress(uid, network, node);
        using var socket = new ChannelSocket(await context.WebSockets.AcceptWebSocketAsync(protocol));
        var session = new PortForwardSession(socket, uid, address, ports, loggers.CreateLogger<PortForwardSession>());
        await session.RunAsync(context.RequestAborted);
    }

    /// <summary>Where the pod listens: its sandbox's address; the node's own for host-network pods or without pod networking.</summary>
    private static IPAddress PodAddress(string uid, NetworkSettings network, NodeAgentSettings node)
    {
        var sandbox = network.Enabled ? PodSandbox.Load(network.PodDirectory(uid)) : null;
        var text = sandbox?.PodIP ?? node.ListenUrl.Host;
        return IPAddress.TryParse(text, out var address) ? address : IPAddress.Loopback;
    }
}
