using System.Net.WebSockets;
using Platform.Grains.Abstractions;
using Platform.RemoteCommand;

namespace Platform.ApiGateway.Api;

/// <summary>
/// `GET|POST .../pods/{name}/exec?command=..&amp;container=..&amp;stdin=&amp;stdout=&amp;stderr=&amp;tty=`: checks the
/// pod and container, opens the same WebSocket stream on the pod's node agent, then relays messages both
/// ways unchanged, as the API server proxies exec to the kubelet. Only WebSocket is spoken (kubectl tries it
/// first); a SPDY upgrade is refused with a Status that says so.
/// </summary>
public static partial class ExecEndpoints
{
    public static void MapPodExec(this IEndpointRouteBuilder app) =>
        app.MapMethods("/api/v1/namespaces/{ns}/pods/{name}/exec", ["GET", "POST"], ExecAsync);

    private static async Task ExecAsync(string ns, string name, HttpContext context, IGrainFactory grains, ILoggerFactory loggers)
    {
        var target = await PodTargets.ResolveAsync(grains, ns, name, context.Request.Query["container"].ToString());
        if (target.Error is { } error)
        {
            await error.ExecuteAsync(context);
            return;
        }

        if (context.Request.Query["command"].Count == 0)
        {
            await ApiErrors.BadRequest("you must specify at least one command for the container").ExecuteAsync(context);
            return;
        }

        var protocol = StreamProtocol.Negotiate(context.WebSockets.WebSocketRequestedProtocols);
        if (!context.WebSockets.IsWebSocketRequest || protocol is null)
        {
            await ApiErrors.BadRequest($"exec is served over WebSocket with subprotocol {string.Join(" or ", StreamProtocol.Supported)} only (SPDY is not supported)").ExecuteAsync(context);
            return;
        }

        var url = AgentExecUrl(target, context.Request.QueryString.Value);
        using var agent = new ClientWebSocket();
        agent.Options.AddSubProtocol(protocol);
        try
        {
            await agent.ConnectAsync(url, context.RequestAborted);
        }
        catch (WebSocketException e)
        {
            await ApiErrors.Unavailable($"the node agent at {target.AgentEndpoint} did not open the exec stream: {e.Message}").ExecuteAsync(context);
            return;
        }

        using var client = await context.WebSockets.AcceptWebSocketAsync(protocol);
        var relay = new WebSocketRelay(client, agent, loggers.CreateLogger(typeof(ExecEndpoints)));
        await relay.RunAsync(context.RequestAborted);
    }

    private static Uri AgentExecUrl(PodTarget target, string? query)
    {
        var agent = new Uri(target.AgentEndpoint!);
        return new UriBuilder(agent)
        {
            Scheme = agent.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = $"{agent.AbsolutePath.TrimEnd('/')}/pods/{target.PodUid}/containers/{Uri.EscapeDataString(target.Container!)}/exec",
            Query = query?.TrimStart('?') ?? string.Empty,
        }.Uri;
    }
}
