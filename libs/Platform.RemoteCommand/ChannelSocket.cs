using System.Net.WebSockets;

namespace Platform.RemoteCommand;

/// <summary>Channel-framed messages over a WebSocket: one binary message per write, the channel in its first byte.</summary>
public sealed class ChannelSocket(WebSocket socket) : IDisposable
{
    private const int MaxMessageBytes = 1024 * 1024;
    private readonly SemaphoreSlim sendGate = new(1, 1);

    public WebSocket Socket => socket;

    public async Task SendAsync(byte channel, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var message = new byte[payload.Length + 1];
        message[0] = channel;
        payload.CopyTo(message.AsMemory(1));
        await sendGate.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(message, WebSocketMessageType.Binary, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>The next whole message as (channel, payload); null when the peer closed.</summary>
    public async Task<(byte Channel, byte[] Payload)?> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
            if (message.Length > MaxMessageBytes)
            {
                throw new WebSocketException(WebSocketError.Faulted, "a stream message is larger than 1 MiB");
            }

            if (result.EndOfMessage)
            {
                break;
            }
        }

        var bytes = message.ToArray();
        return bytes.Length == 0 ? ((byte Channel, byte[] Payload)?)null : (bytes[0], bytes[1..]);
    }

    /// <summary>Ends the session from this side, tolerating a peer that has already gone.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        await sendGate.WaitAsync(cancellationToken);
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
            }
        }
        catch (WebSocketException)
        {
        }
        finally
        {
            sendGate.Release();
        }
    }

    public void Dispose() => sendGate.Dispose();
}
