using System.Net.WebSockets;

namespace Platform.ApiGateway.Api;

/// <summary>
/// Copies WebSocket messages both ways between a client and a node agent until either side closes;
/// the close is passed on, so the client sees the stream end as the agent ended it.
/// </summary>
public sealed partial class WebSocketRelay(WebSocket client, WebSocket agent, ILogger logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fromAgent = CopyAsync(agent, client, stop.Token);
        var fromClient = CopyAsync(client, agent, stop.Token);
        await Task.WhenAny(fromAgent, fromClient);
        // One side closed: give the other a moment to finish its close handshake, then drop it.
        stop.CancelAfter(TimeSpan.FromSeconds(5));
        await Task.WhenAll(fromAgent, fromClient);
    }

    private async Task CopyAsync(WebSocket from, WebSocket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[32 * 1024];
        try
        {
            while (true)
            {
                var result = await from.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (to.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await to.CloseOutputAsync(result.CloseStatus ?? WebSocketCloseStatus.NormalClosure, result.CloseStatusDescription, cancellationToken);
                    }

                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, result.Count), result.MessageType, result.EndOfMessage, cancellationToken);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
            LogRelayEnded(e.Message);
        }
    }

    [LoggerMessage(LogLevel.Debug, "Exec relay ended: {Reason}")]
    private partial void LogRelayEnded(string reason);
}
