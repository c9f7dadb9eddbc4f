using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Features;
using Platform.Api.Model;
using Platform.Grains.Abstractions;
using Platform.RemoteCommand;
using Platform.RemoteCommand.Spdy;

namespace Platform.ApiGateway.Api;

/// <summary>
/// `GET|POST /api/v1/namespaces/{ns}/pods/{name}/portforward`: checks the pod runs, then serves one of
/// Kubernetes' port-forward protocols, each bridged onto the node agent's WebSocket port-forward stream
/// (v4.channel.k8s.io), whose agent dials the pod's address:
/// <list type="bullet">
/// <item>a WebSocket with subprotocol v4.channel.k8s.io and `?ports=P,...` (platformctl): relayed message by message;</item>
/// <item>SPDY/3.1 tunnelled in a WebSocket (`SPDY/3.1+portforward.k8s.io`, what kubectl 1.31+ asks for first);</item>
/// <item>a plain HTTP upgrade to SPDY/3.1 with `X-Stream-Protocol-Version: portforward.k8s.io` (kubectl's fallback).</item>
/// </list>
/// Over SPDY the ports come in each stream's headers; every local connection gets its own agent stream.
/// </summary>
public static partial class PortForwardEndpoints
{
    private const string SpdyUpgrade = "SPDY/3.1";
    private const string StreamProtocolHeader = "X-Stream-Protocol-Version";

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

        var node = await grains.GetGrain<INodeGrain>(pod.Spec.NodeName).GetSnapshot();
        if (node?.AgentEndpoint is not { } endpoint)
        {
            await ApiErrors.Unavailable($"node {pod.Spec.NodeName} of pod {name} has no agent endpoint").ExecuteAsync(context);
            return;
        }

        var logger = loggers.CreateLogger(typeof(PortForwardEndpoints));
        var agent = new AgentPortForward(endpoint, pod.Metadata.Uid!);
        if (context.WebSockets.IsWebSocketRequest && Offers(context.WebSockets.WebSocketRequestedProtocols, PortForwardProtocol.SpdyTunnel))
        {
            // ASP.NET Core refuses to accept a subprotocol with a '/' (not an RFC 6455 token), which KEP-4006's
            // name has; the header is set here instead, and the middleware leaves it in the 101.
            context.Response.Headers.SecWebSocketProtocol = PortForwardProtocol.SpdyTunnel;
            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            await using var tunnel = new WebSocketTunnelStream(socket);
            await ServeSpdyAsync(tunnel, agent, name, logger, context.RequestAborted);
            await CloseQuietlyAsync(socket);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest && context.Features.Get<IHttpUpgradeFeature>() is { IsUpgradableRequest: true } upgrade
            && context.Request.Headers.Upgrade.ToString().StartsWith(SpdyUpgrade, StringComparison.OrdinalIgnoreCase))
        {
            await UpgradeToSpdyAsync(context, upgrade, agent, name, logger);
            return;
        }

        await RelayWebSocketAsync(context, agent, logger);
    }

    private static async Task UpgradeToSpdyAsync(HttpContext context, IHttpUpgradeFeature upgrade, AgentPortForward agent, string name, ILogger logger)
    {
        if (!Offers(context.Request.Headers[StreamProtocolHeader], SpdyPortForwarder.Protocol))
        {
            await ApiErrors.BadRequest($"port-forward over SPDY speaks {StreamProtocolHeader} {SpdyPortForwarder.Protocol} only").ExecuteAsync(context);
            return;
        }

        context.Response.Headers.Connection = "Upgrade";
        context.Response.Headers.Upgrade = SpdyUpgrade;
        context.Response.Headers[StreamProtocolHeader] = SpdyPortForwarder.Protocol;
        await using var transport = await upgrade.UpgradeAsync();
        await ServeSpdyAsync(transport, agent, name, logger, context.RequestAborted);
    }

    private static async Task ServeSpdyAsync(Stream transport, AgentPortForward agent, string name, ILogger logger, CancellationToken cancellationToken)
    {
        var forwarder = new SpdyPortForwarder(agent.OpenAsync);
        var reason = await forwarder.RunAsync(transport, cancellationToken);
        LogSpdyEnded(logger, name, reason ?? "closed by the client");
    }

    /// <summary>platformctl's protocol: the same WebSocket stream on the agent, relayed unchanged.</summary>
    private static async Task RelayWebSocketAsync(HttpContext context, AgentPortForward agent, ILogger logger)
    {
        var protocol = PortForwardProtocol.Negotiate(context.WebSockets.WebSocketRequestedProtocols);
        if (!context.WebSockets.IsWebSocketRequest || protocol is null)
        {
            await ApiErrors.BadRequest($"port-forward is served over WebSocket with subprotocol {PortForwardProtocol.V4} or {PortForwardProtocol.SpdyTunnel}, or an upgrade to {SpdyUpgrade}").ExecuteAsync(context);
            return;
        }

        var (ports, portError) = PortForwardProtocol.ParsePorts([.. context.Request.Query["ports"], .. context.Request.Query["port"]]);
        if (ports is null)
        {
            await ApiErrors.BadRequest(portError!).ExecuteAsync(context);
            return;
        }

        WebSocket agentSocket;
        try
        {
            agentSocket = await agent.OpenAsync(ports, context.RequestAborted);
        }
        catch (WebSocketException e)
        {
            await ApiErrors.Unavailable($"the node agent at {agent.Endpoint} did not open the port-forward stream: {e.Message}").ExecuteAsync(context);
            return;
        }

        using (agentSocket)
        {
            using var client = await context.WebSockets.AcceptWebSocketAsync(protocol);
            var relay = new WebSocketRelay(client, agentSocket, logger);
            await relay.RunAsync(context.RequestAborted);
        }
    }

    private static bool Offers(IEnumerable<string?> offered, string protocol) =>
        offered.SelectMany(p => (p ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Contains(protocol, StringComparer.Ordinal);

    private static async Task CloseQuietlyAsync(WebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
    }

    [LoggerMessage(LogLevel.Debug, "SPDY port-forward to pod {Pod} ended: {Reason}")]
    private static partial void LogSpdyEnded(ILogger logger, string pod, string reason);
}
