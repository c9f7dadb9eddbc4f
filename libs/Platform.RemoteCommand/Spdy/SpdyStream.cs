using System.Threading.Channels;

namespace Platform.RemoteCommand.Spdy;

/// <summary>
/// One stream the peer opened on a <see cref="SpdySession"/>: its headers, the bytes it sends (completed
/// by its FIN or a reset), and this side's reply, data, FIN and reset.
/// </summary>
public sealed class SpdyStream
{
    /// <summary>Frames per stream held for a slow reader; past it the session stops reading (back-pressure).</summary>
    private const int InboundFrames = 64;
    private const int MaxFrameBytes = 32 * 1024;

    private readonly SpdySession session;
    private readonly Channel<ReadOnlyMemory<byte>> inbound = Channel.CreateBounded<ReadOnlyMemory<byte>>(
        new BoundedChannelOptions(InboundFrames) { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource reset = new();
    private int localFinished;

    internal SpdyStream(SpdySession session, uint id, SpdyHeaderBlock headers)
    {
        this.session = session;
        Id = id;
        Headers = headers;
    }

    public uint Id { get; }

    public SpdyHeaderBlock Headers { get; }

    /// <summary>The peer's data in order; completes at its FIN, a reset, or the session's end.</summary>
    public ChannelReader<ReadOnlyMemory<byte>> Inbound => inbound.Reader;

    /// <summary>Cancelled when the stream is reset by either side or the session ends.</summary>
    public CancellationToken Aborted => reset.Token;

    public bool IsLocalFinished => Volatile.Read(ref localFinished) != 0;

    public Task ReplyAsync(CancellationToken cancellationToken) =>
        session.SendAsync(new SpdySynReplyFrame(Id, Fin: false, SpdyHeaderBlock.Empty), cancellationToken);

    /// <summary>Sends bytes in frames of at most 32 KiB.</summary>
    public async Task WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < data.Length; offset += MaxFrameBytes)
        {
            var chunk = data.Slice(offset, Math.Min(MaxFrameBytes, data.Length - offset));
            await session.SendAsync(new SpdyDataFrame(Id, Fin: false, chunk), cancellationToken);
        }
    }

    /// <summary>This side sends no more: an empty data frame with FIN, once.</summary>
    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref localFinished, 1) == 0 && !reset.IsCancellationRequested)
        {
            await session.SendAsync(new SpdyDataFrame(Id, Fin: true, ReadOnlyMemory<byte>.Empty), cancellationToken);
            session.ForgetIfDone(this);
        }
    }

    /// <summary>Ends the stream both ways at once (RST_STREAM CANCEL).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        if (reset.IsCancellationRequested)
        {
            return;
        }

        Interlocked.Exchange(ref localFinished, 1);
        OnReset();
        await session.SendAsync(new SpdyRstStreamFrame(Id, SpdyResetStatus.Cancel), cancellationToken);
    }

    internal bool IsRemoteFinished => inbound.Reader.Completion.IsCompleted;

    internal async ValueTask DeliverAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await inbound.Writer.WriteAsync(data, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // Reset, or the peer sent past its FIN: the bytes have nowhere to go.
        }
    }

    internal void OnRemoteFinished() => inbound.Writer.TryComplete();

    internal void OnReset()
    {
        inbound.Writer.TryComplete();
        Interlocked.Exchange(ref localFinished, 1);
        try
        {
            reset.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }

        session.Forget(this);
    }
}
