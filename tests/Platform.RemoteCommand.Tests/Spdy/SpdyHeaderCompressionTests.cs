using Platform.RemoteCommand.Spdy;

namespace Platform.RemoteCommand.Tests.Spdy;

public sealed class SpdyHeaderCompressionTests
{
    [Fact]
    public void The_dictionary_is_spdy_3s_as_its_checksum_and_kubectls_dictid_say()
    {
        Assert.Equal(1423, SpdyHeaderDictionary.Bytes.Length);
        Assert.Equal(SpdyHeaderDictionary.Adler32, Adler32(SpdyHeaderDictionary.Bytes));
        Assert.Equal("e3c6a7c2", Convert.ToHexStringLower(KubectlFrames.ErrorStreamSyn.AsSpan(20, 4)));
    }

    [Fact]
    public void A_block_that_refers_into_the_dictionary_decompresses()
    {
        using var decompressor = new SpdyHeaderDecompressor();

        // Go's compressor coded "streamtype" and "port" partly as references into the dictionary.
        var headers = decompressor.Decompress(KubectlFrames.ErrorStreamSyn.AsSpan(18));

        Assert.Equal("streamtype=error, port=8080, requestid=0", headers.ToString());
    }

    [Fact]
    public void The_first_block_declares_the_dictionary_and_each_block_ends_with_a_sync_flush()
    {
        using var compressor = new SpdyHeaderCompressor();

        var first = compressor.Compress(SpdyFramerTests.Headers(("streamtype", "data")));
        var second = compressor.Compress(SpdyHeaderBlock.Empty);

        Assert.Equal("78bbe3c6a7c2", Convert.ToHexStringLower(first.AsSpan(0, 6)));
        Assert.Equal(0, ((first[0] << 8) | first[1]) % 31);
        Assert.Equal("0000ffff", Convert.ToHexStringLower(first.AsSpan(first.Length - 4)));
        Assert.Equal("0000ffff", Convert.ToHexStringLower(second.AsSpan(second.Length - 4)));
        Assert.NotEqual(0x78, second[0]);
    }

    [Fact]
    public void Blocks_of_one_stream_decode_in_order_however_many()
    {
        using var compressor = new SpdyHeaderCompressor();
        using var decompressor = new SpdyHeaderDecompressor();

        for (var i = 0; i < 200; i++)
        {
            var sent = SpdyFramerTests.Headers(("streamtype", i % 2 == 0 ? "error" : "data"), ("port", "8080"), ("requestid", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(sent.ToString(), decompressor.Decompress(compressor.Compress(sent)).ToString());
        }
    }

    [Fact]
    public void A_large_block_spanning_many_inflater_reads_decodes()
    {
        using var compressor = new SpdyHeaderCompressor();
        using var decompressor = new SpdyHeaderDecompressor();
        var random = new Random(7);
        var value = string.Concat(Enumerable.Range(0, 40_000).Select(_ => (char)('a' + random.Next(26))));

        var decoded = decompressor.Decompress(compressor.Compress(SpdyFramerTests.Headers(("big", value), ("after", "x"))));

        Assert.Equal(value, decoded["big"]);
        Assert.Equal("x", decoded["after"]);
    }

    [Fact]
    public void A_stream_with_another_dictionary_is_refused()
    {
        using var decompressor = new SpdyHeaderDecompressor();
        var block = KubectlFrames.ErrorStreamSyn[18..];
        block[5] ^= 0xFF;

        Assert.Throws<SpdyProtocolException>(() => decompressor.Decompress(block));
    }

    [Fact]
    public void A_truncated_block_is_a_protocol_error()
    {
        using var decompressor = new SpdyHeaderDecompressor();

        Assert.Throws<SpdyProtocolException>(() => decompressor.Decompress(KubectlFrames.ErrorStreamSyn.AsSpan(18, 20)));
    }

    private static uint Adler32(ReadOnlySpan<byte> bytes)
    {
        uint a = 1, b = 0;
        foreach (var x in bytes)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        return (b << 16) | a;
    }
}
