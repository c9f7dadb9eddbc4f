using Platform.NodeAgent.Pods;
using Platform.RemoteCommand;

namespace Platform.NodeAgent.Exec;

/// <summary>
/// `GET /pods/{uid}/containers/{name}/exec?command=..&amp;stdin=&amp;stdout=&amp;stderr=&amp;tty=`, upgraded to a
/// WebSocket with Kubernetes' channel protocol (v5 or v4.channel.k8s.io), as the kubelet serves it.
/// A refusal once upgraded (container not running) travels as the final status, so the caller sees its message.
/// </summary>
public static class ExecEndpoints
{
    public static void MapContainerExec(this IEndpointRouteBuilder app) =>
        app.MapMethods("/pods/{uid}/containers/{container}/exec", ["GET", "POST"], ServeExec);

    private static async Task ServeExec(string uid, string container, HttpContext context, PodSupervisor pods, NodeAgentSettings settings, ExecSession session)
    {
        var request = ExecRequest.From(context.Request.Query);
        var protocol = StreamProtocol.Negotiate(context.WebSockets.WebSocketRequestedProtocols);
        if (!context.WebSockets.IsWebSocketRequest || protocol is null)
        {
            await Results.Text($"exec needs a WebSocket upgrade with subprotocol {string.Join(" or ", StreamProtocol.Supported)}\n", statusCode: 400).ExecuteAsync(context);
            return;
        }

        if (!PodStore.IsValidUid(uid) || !pods.IsKnown(uid))
        {
            await Results.Text($"pod {uid} is not on this node\n", statusCode: 404).ExecuteAsync(context);
            return;
        }

        using var socket = new ChannelSocket(await context.WebSockets.AcceptWebSocketAsync(protocol));
        var refusal = request.Command.Count == 0 ? "you must specify at least one command for the container"
            : settings.ContainerRuntime == NodeAgentSettings.ProcessRuntime ? "exec needs the platform-runtime container runtime; this node runs plain processes"
            : !pods.IsContainerActive(uid, container) ? $"container {container} is not running"
            : null;
        if (refusal is not null)
        {
            await socket.SendAsync(StreamProtocol.Error, ExecStatus.Failed(refusal).ToJson(), context.RequestAborted);
            await socket.CloseAsync(context.RequestAborted);
            return;
        }

        await session.RunAsync($"{uid}-{container}", request, socket, context.RequestAborted);
    }
}
