using System.Net.WebSockets;
using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.RemoteCommand;

namespace Platform.ApiGateway.Api;

/// <summary>
/// `GET|POST /api/v1/namespaces/{ns}/pods/{name}/portforward?ports=P,...`: checks the pod runs, opens the
/// same WebSocket stream (v4.channel.k8s.io) on its node agent, which dials the pod's address, and relays
/// messages both ways unchanged, as the API server proxies port-forward to the kubelet. kubectl 1.31+
/// asks for SPDY tunnelled in the WebSocket (SPDY/3.1+portforward.k8s.io), then plain SPDY; both are
/// refused with a Status that says so.
/// </summary>
public static class PortForwardEndpoints
{
    public static void MapPodPortForward(this IEndpointRouteBuilder app) =>
        app.MapMethods("/api/v1/namespaces/{ns}/pods/{name}/portforward", ["GET", "POST"], PortForwardAsync);

    private static async Task PortForwardAsync(string ns, string name, HttpContext context, IGrainFactory grains, ILoggerFactory loggers)
    {
        var pod = await grains.GetGrain<IPodGrain>(GrainKeys.Pod(ns, name)).Get();
        if (pod is null)
        {
            await ApiErrors.NotFound("pods", name).ExecuteAsync(context);
            return;
        }

        if (pod.Status?.Phase != PodPhases.Running || pod.Spec.NodeName is null)
        {
            await ApiErrors.BadRequest($"unable to forward port because pod is not running. Current status={pod.Status?.Phase ?? PodPhases.Pending}").ExecuteAsync(context);
            return;
        }

        var protocol = PortForwardProtocol.Negotiate(context.WebSockets.WebSocketRequestedProtocols);
        if (!context.WebSockets.IsWebSocketRequest || protocol is null)
        {
            await ApiErrors.BadRequest($"port-forward is served over WebSocket with subprotocol {PortForwardProtocol.V4} only (SPDY, and SPDY tunnelled as {PortForwardProtocol.SpdyTunnel}, are not supported)").ExecuteAsync(context);
            return;
        }

        var (ports, portError) = PortForwardProtocol.ParsePorts([.. context.Request.Query["ports"], .. context.Request.Query["port"]]);
        if (ports is null)
        {
            await ApiErrors.BadRequest(portError!).ExecuteAsync(context);
            return;
        }

        var node = await grains.GetGrain<INodeGrain>(pod.Spec.NodeName).GetSnapshot();
        if (node?.AgentEndpoint is not { } endpoint)
        {
            await ApiErrors.Unavailable($"node {pod.Spec.NodeName} of pod {name} has no agent endpoint").ExecuteAsync(context);
            return;
        }

        using var agent = new ClientWebSocket();
        agent.Options.AddSubProtocol(protocol);
        try
        {
            await agent.ConnectAsync(AgentUrl(endpoint, pod.Metadata.Uid!, ports), context.RequestAborted);
        }
        catch (WebSocketException e)
        {
            await ApiErrors.Unavailable($"the node agent at {endpoint} did not open the port-forward stream: {e.Message}").ExecuteAsync(context);
            return;
        }

        using var client = await context.WebSockets.AcceptWebSocketAsync(protocol);
        var relay = new WebSocketRelay(client, agent, loggers.CreateLogger(typeof(PortForwardEndpoints)));
        await relay.RunAsync(context.RequestAborted);
    }

    private static Uri AgentUrl(string endpoint, string uid, IReadOnlyList<int> ports)
    {
        var agent = new Uri(endpoint);
        return new UriBuilder(agent)
        {
            Scheme = agent.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = $"{agent.AbsolutePath.TrimEnd('/')}/pods/{uid}/portforward",
            Query = "ports=" + string.Join(',', ports),
        }.Uri;
    }
}
