using System.Net.WebSockets;
using Platform.RemoteCommand;

namespace Platform.ApiGateway.Api;

/// <summary>Opens the node agent's port-forward stream for a pod: `ws://<agent>/pods/{uid}/portforward?ports=…` (v4.channel.k8s.io).</summary>
public sealed class AgentPortForward(string endpoint, string podUid)
{
    public string Endpoint => endpoint;

    public Task<WebSocket> OpenAsync(int port, CancellationToken cancellationToken) => OpenAsync([port], cancellationToken);

    public async Task<WebSocket> OpenAsync(IReadOnlyList<int> ports, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(PortForwardProtocol.V4);
        try
        {
            await socket.ConnectAsync(Url(ports), cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private Uri Url(IReadOnlyList<int> ports)
    {
        var agent = new Uri(endpoint);
        return new UriBuilder(agent)
        {
            Scheme = agent.Scheme == Uri.UriSchemeHttps ? "wss" : "ws",
            Path = $"{agent.AbsolutePath.TrimEnd('/')}/pods/{podUid}/portforward",
            Query = "ports=" + string.Join(',', ports),
        }.Uri;
    }
}
