using Platform.RemoteCommand.Spdy;

namespace Platform.RemoteCommand.Tests.Spdy;

public sealed class SpdyFramerTests
{
    [Fact]
    public async Task Kubectls_first_frame_reads_as_the_error_stream_of_request_0()
    {
        using var framer = new SpdyFramer(new MemoryStream(KubectlFrames.ErrorStreamSyn));

        var frame = Assert.IsType<SpdySynStreamFrame>(await framer.ReadFrameAsync(CancellationToken.None));

        Assert.Equal(1u, frame.StreamId);
        Assert.Equal(0u, frame.AssociatedStreamId);
        Assert.False(frame.Fin);
        Assert.Equal(["streamtype=error", "port=8080", "requestid=0"], frame.Headers.Pairs.Select(p => $"{p.Key}={p.Value}"));
        Assert.Null(await framer.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Control_frames_have_the_wire_layout_of_spdy_3()
    {
        var wire = new MemoryStream();
        using var framer = new SpdyFramer(wire);

        await framer.WriteFrameAsync(new SpdyRstStreamFrame(3, SpdyResetStatus.Cancel), CancellationToken.None);
        await framer.WriteFrameAsync(new SpdyPingFrame(7), CancellationToken.None);
        await framer.WriteFrameAsync(new SpdyGoAwayFrame(5, 0), CancellationToken.None);
        await framer.WriteFrameAsync(new SpdyWindowUpdateFrame(1, 65536), CancellationToken.None);
        await framer.WriteFrameAsync(new SpdySettingsFrame([new(7, 65536)]), CancellationToken.None);

        Assert.Equal(
            "80030003000000080000000300000005" // RST_STREAM: type 3, length 8, stream 3, CANCEL
            + "800300060000000400000007" // PING: type 6, length 4, id 7
            + "80030007000000080000000500000000" // GOAWAY: type 7, last good stream 5, OK
            + "80030009000000080000000100010000" // WINDOW_UPDATE: stream 1, delta 65536
            + "800300040000000c000000010000000700010000", // SETTINGS: one entry, id 7 = 65536
            Convert.ToHexStringLower(wire.ToArray()));
    }

    [Fact]
    public async Task Data_frames_carry_the_stream_id_fin_flag_and_length()
    {
        var wire = new MemoryStream();
        using var framer = new SpdyFramer(wire);

        await framer.WriteFrameAsync(new SpdyDataFrame(3, Fin: false, "hi"u8.ToArray()), CancellationToken.None);
        await framer.WriteFrameAsync(new SpdyDataFrame(3, Fin: true, ReadOnlyMemory<byte>.Empty), CancellationToken.None);

        Assert.Equal("00000003000000026869" + "0000000301000000", Convert.ToHexStringLower(wire.ToArray()));
    }

    [Fact]
    public async Task Every_frame_written_reads_back_the_same()
    {
        var wire = new MemoryStream();
        using (var writer = new SpdyFramer(wire))
        {
            await writer.WriteFrameAsync(new SpdySynStreamFrame(1, 0, 0, false, false, Headers(("streamtype", "error"), ("port", "80"))), CancellationToken.None);
            await writer.WriteFrameAsync(new SpdySynReplyFrame(1, false, SpdyHeaderBlock.Empty), CancellationToken.None);
            await writer.WriteFrameAsync(new SpdySynStreamFrame(3, 1, 7, true, true, Headers(("streamtype", "data"), ("port", "80"))), CancellationToken.None);
            await writer.WriteFrameAsync(new SpdyHeadersFrame(3, true, Headers(("x", "y\0z"))), CancellationToken.None);
            await writer.WriteFrameAsync(new SpdyDataFrame(3, false, new byte[70_000]), CancellationToken.None);
            await writer.WriteFrameAsync(new SpdyRstStreamFrame(3, SpdyResetStatus.RefusedStream), CancellationToken.None);
        }

        wire.Position = 0;
        using var reader = new SpdyFramer(wire);
        var syn = Assert.IsType<SpdySynStreamFrame>(await reader.ReadFrameAsync(CancellationToken.None));
        Assert.Equal("streamtype=error, port=80", syn.Headers.ToString());
        Assert.Empty(Assert.IsType<SpdySynReplyFrame>(await reader.ReadFrameAsync(CancellationToken.None)).Headers.Pairs);
        var second = Assert.IsType<SpdySynStreamFrame>(await reader.ReadFrameAsync(CancellationToken.None));
        Assert.Equal((3u, 1u, (byte)7, true, true, "data"), (second.StreamId, second.AssociatedStreamId, second.Priority, second.Fin, second.Unidirectional, second.Headers["streamtype"]));
        Assert.Equal("y\0z", Assert.IsType<SpdyHeadersFrame>(await reader.ReadFrameAsync(CancellationToken.None)).Headers["x"]);
        Assert.Equal(70_000, Assert.IsType<SpdyDataFrame>(await reader.ReadFrameAsync(CancellationToken.None)).Data.Length);
        Assert.Equal(SpdyResetStatus.RefusedStream, Assert.IsType<SpdyRstStreamFrame>(await reader.ReadFrameAsync(CancellationToken.None)).Status);
        Assert.Null(await reader.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_frame_cut_short_is_a_protocol_error()
    {
        using var framer = new SpdyFramer(new MemoryStream(KubectlFrames.ErrorStreamSyn[..20]));

        await Assert.ThrowsAnyAsync<EndOfStreamException>(() => framer.ReadFrameAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Another_spdy_version_is_refused()
    {
        using var framer = new SpdyFramer(new MemoryStream(Convert.FromHexString("800200060000000400000001")));

        var error = await Assert.ThrowsAsync<SpdyProtocolException>(() => framer.ReadFrameAsync(CancellationToken.None));
        Assert.Contains("version 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_control_frame_is_read_past()
    {
        using var framer = new SpdyFramer(new MemoryStream(Convert.FromHexString("8003000a00000002abcd" + "800300060000000400000001")));

        Assert.Equal(new SpdyUnknownFrame(10), await framer.ReadFrameAsync(CancellationToken.None));
        Assert.Equal(new SpdyPingFrame(1), await framer.ReadFrameAsync(CancellationToken.None));
    }

    internal static SpdyHeaderBlock Headers(params (string Name, string Value)[] pairs) =>
        new([.. pairs.Select(p => new KeyValuePair<string, string>(p.Name, p.Value))]);
}
