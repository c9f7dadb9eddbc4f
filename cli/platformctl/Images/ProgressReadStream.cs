namespace Platform.Cli.Images;

/// <summary>
/// Reads through to <paramref name="inner"/> and reports how far into it the reads got, for a
/// progress bar. Seeking passes through (a registry client rewinds a blob to send it again after a
/// 401). The inner stream stays open: its owner disposes it.
/// </summary>
internal sealed class ProgressReadStream(Stream inner, IProgress<long> progress) : Stream
{
    private long position = inner.CanSeek ? inner.Position : 0;

    public override bool CanRead => true;
    public override bool CanSeek => inner.CanSeek;
    public override bool CanWrite => false;
    public override long Length => inner.Length;

    public override long Position
    {
        get => inner.CanSeek ? inner.Position : position;
        set
        {
            inner.Position = value;
            Moved(value);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        Moved(position + read);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        Moved(position + read);
        return read;
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var moved = inner.Seek(offset, origin);
        Moved(moved);
        return moved;
    }

    public override void Flush() { }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Moved(long to)
    {
        position = to;
        progress.Report(to);
    }
}
