using System.Collections.Concurrent;

namespace Platform.RemoteCommand.Spdy;

/// <summary>
/// The server side of a SPDY/3.1 session, as a kubelet serves port-forward: the peer opens streams
/// (SYN_STREAM), each handed to <c>onStream</c>, which replies, reads and writes them. Pings are answered;
/// SETTINGS and WINDOW_UPDATE are read and ignored, since this side never withholds data for flow control
/// and client-go's spdystream neither sends nor honours windows. The session ends when the peer closes the
/// byte stream or sends GOAWAY, on a protocol error, or on cancellation; every stream is then reset.
/// </summary>
public sealed class SpdySession(Stream transport, Action<SpdyStream> onStream) : IDisposable
{
    private readonly SpdyFramer framer = new(transport);
    private readonly ConcurrentDictionary<uint, SpdyStream> streams = new();
    private uint lastStreamId;

    /// <summary>Reads frames until the session ends; returns why it ended when that was not a clean close.</summary>
    public async Task<string?> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await framer.ReadFrameAsync(cancellationToken) is { } frame)
            {
                if (frame is SpdyGoAwayFrame)
                {
                    break;
                }

                await HandleAsync(frame, cancellationToken);
            }

            return null;
        }
        catch (Exception e) when (e is SpdyProtocolException or IOException or EndOfStreamException or OperationCanceledException
            or System.Net.WebSockets.WebSocketException)
        {
            return e.Message;
        }
        finally
        {
            foreach (var stream in streams.Values)
            {
                stream.OnReset();
            }
        }
    }

    internal async Task SendAsync(SpdyFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await framer.WriteFrameAsync(frame, cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            throw new IOException("the SPDY session has ended");
        }
    }

    internal void Forget(SpdyStream stream) => streams.TryRemove(stream.Id, out _);

    internal void ForgetIfDone(SpdyStream stream)
    {
        if (stream.IsLocalFinished && stream.IsRemoteFinished)
        {
            Forget(stream);
        }
    }

    public void Dispose() => framer.Dispose();

    private async Task HandleAsync(SpdyFrame frame, CancellationToken cancellationToken)
    {
        switch (frame)
        {
            case SpdySynStreamFrame syn:
                await OpenAsync(syn, cancellationToken);
                break;
            case SpdyDataFrame data when streams.TryGetValue(data.StreamId, out var stream):
                if (data.Data.Length > 0)
                {
                    await stream.DeliverAsync(data.Data, cancellationToken);
                }

                if (data.Fin)
                {
                    stream.OnRemoteFinished();
                    ForgetIfDone(stream);
                }

                break;
            case SpdyRstStreamFrame reset when streams.TryGetValue(reset.StreamId, out var stream):
                stream.OnReset();
                break;
            case SpdyPingFrame ping:
                // The peer's pings (odd ids from a client) come back unchanged; this side sends none.
                await SendAsync(ping, cancellationToken);
                break;
            default:
                // Data for a stream already gone, SETTINGS, WINDOW_UPDATE, HEADERS, unknown types: nothing to do.
                break;
        }
    }

    private async Task OpenAsync(SpdySynStreamFrame syn, CancellationToken cancellationToken)
    {
        // A client's streams are odd and increase; anything else is refused and the session goes on.
        if (syn.StreamId % 2 == 0 || syn.StreamId <= lastStreamId)
        {
            await SendAsync(new SpdyRstStreamFrame(syn.StreamId, SpdyResetStatus.ProtocolError), cancellationToken);
            return;
        }

        lastStreamId = syn.StreamId;
        var stream = new SpdyStream(this, syn.StreamId, syn.Headers);
        streams[syn.StreamId] = stream;
        if (syn.Fin || syn.Unidirectional)
        {
            stream.OnRemoteFinished();
        }

        onStream(stream);
    }
}
