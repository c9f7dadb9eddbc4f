using Platform.Oci.Layers;
using Platform.Oci.References;
using Platform.Oci.Store;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Store;

/// <summary>The cache on its own: atomic blobs, layers unpacked once however many callers ask at the same time.</summary>
public sealed class LayerCacheTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Concurrent_requests_for_one_layer_unpack_it_once()
    {
        var cache = new LayerCache(temp.Combine("cache"));
        var builder = new LayerBuilder();
        for (var i = 0; i < 300; i++)
        {
            builder.File($"dir{i % 10}/file{i}", new string('x', 1000));
        }
        var blob = builder.ToGzip();
        var diffId = Digest.Compute(builder.ToTar());
        var blobPath = temp.Combine("layer.tar.gz");
        await File.WriteAllBytesAsync(blobPath, blob);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => cache.EnsureLayerAsync(diffId, blobPath, CancellationToken.None))));

        Assert.Single(results, unpacked => unpacked);
        Assert.Equal(300, Directory.EnumerateFiles(cache.LayerDirectory(diffId), "*", SearchOption.AllDirectories).Count());
        Assert.Equal([diffId.Hex], Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(cache.LayerDirectory(diffId))!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_failed_download_leaves_no_blob_and_no_temporary()
    {
        var cache = new LayerCache(temp.Combine("cache"));
        var digest = Digest.Compute("blob"u8);

        await Assert.ThrowsAsync<IOException>(() => cache.EnsureBlobAsync(digest, async (path, ct) =>
        {
            await File.WriteAllTextAsync(path, "half", ct);
            throw new IOException("connection reset");
        }, CancellationToken.None));

        Assert.False(cache.HasBlob(digest));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(cache.BlobPath(digest))!));
    }

    [Fact]
    public async Task A_present_blob_is_not_downloaded_again()
    {
        var cache = new LayerCache(temp.Combine("cache"));
        var digest = Digest.Compute("blob"u8);
        var downloads = 0;
        Task Download(string path, CancellationToken ct)
        {
            Interlocked.Increment(ref downloads);
            return File.WriteAllTextAsync(path, "blob", ct);
        }

        Assert.True(await cache.EnsureBlobAsync(digest, Download, CancellationToken.None));
        Assert.False(await cache.EnsureBlobAsync(digest, Download, CancellationToken.None));

        Assert.Equal(1, downloads);
        Assert.Equal("blob", await File.ReadAllTextAsync(cache.BlobPath(digest)));
    }

    [Fact]
    public async Task A_refused_layer_is_not_cached_and_can_be_retried()
    {
        var cache = new LayerCache(temp.Combine("cache"), new LayerUnpacker(LayerLimits.Default with { MaxEntries = 1 }));
        var builder = new LayerBuilder().File("a", "1").File("b", "2");
        var blobPath = temp.Combine("layer.tar");
        await File.WriteAllBytesAsync(blobPath, builder.ToTar());
        var diffId = Digest.Compute(builder.ToTar());

        await Assert.ThrowsAsync<LayerRejectedException>(() => cache.EnsureLayerAsync(diffId, blobPath, CancellationToken.None));
        await Assert.ThrowsAsync<LayerRejectedException>(() => cache.EnsureLayerAsync(diffId, blobPath, CancellationToken.None));

        Assert.False(cache.HasLayer(diffId));
    }
}
