using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Storage;

/// <summary>Blobs stream through the registry: it never holds one whole in memory, and serves many uploads at once.</summary>
public sealed class StreamingTests(StreamingTests.Registry registry) : IClassFixture<StreamingTests.Registry>
{
    private const long BigBlob = 192L * 1024 * 1024;

    [Fact]
    public async Task A_blob_larger_than_the_memory_it_may_use_streams_in_and_out()
    {
        var digest = await DigestOfGeneratedAsync(BigBlob);
        using var started = await registry.Admin.PostAsync("/v2/big/blob/blobs/uploads/", null);
        using var upload = new StreamContent(new GeneratedStream(BigBlob));

        using var patched = await registry.Admin.PatchAsync(started.Header("Location"), upload);
        using var finished = await registry.Admin.PutAsync($"{patched.Header("Location")}?digest={digest}", null);
        using var download = await registry.Anonymous.GetAsync(finished.Header("Location"), HttpCompletionOption.ResponseHeadersRead);
        var downloaded = await SHA256.HashDataAsync(await download.Content.ReadAsStreamAsync());

        Assert.Equal(HttpStatusCode.Created, finished.StatusCode);
        Assert.Equal(digest, "sha256:" + Convert.ToHexStringLower(downloaded));
        Assert.True(PeakResidentMiB() < 160, $"peak resident memory {PeakResidentMiB()} MiB while streaming a {BigBlob >> 20} MiB blob");
    }

    [Fact]
    public async Task Concurrent_uploads_of_different_blobs_all_land()
    {
        var blobs = Enumerable.Range(0, 8).Select(_ => Content.Random(300_000)).ToArray();

        var digests = await Task.WhenAll(blobs.Select(blob => registry.Admin.PushBlobAsync("many/blobs", blob)));

        foreach (var (blob, digest) in blobs.Zip(digests))
        {
            Assert.Equal(blob, await registry.Anonymous.GetByteArrayAsync($"/v2/many/blobs/blobs/{digest}"));
        }
    }

    private long PeakResidentMiB()
    {
        var line = File.ReadLines($"/proc/{registry.ProcessId}/status").Single(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private static async Task<string> DigestOfGeneratedAsync(long length) =>
        "sha256:" + Convert.ToHexStringLower(await SHA256.HashDataAsync(new GeneratedStream(length)));

    /// <summary>A registry of its own, so that its peak memory is this class's alone.</summary>
    public sealed class Registry() : RegistryProcess();

    /// <summary>Deterministic pseudo-random bytes of a given length, generated as read: the test holds no blob either.</summary>
    private sealed class GeneratedStream(long length) : Stream
    {
        private readonly Random random = new(42);
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            random.NextBytes(buffer.AsSpan(offset, n));
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
