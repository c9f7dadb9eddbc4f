using Platform.Oci.Layers;
using Platform.Oci.References;
using Platform.Oci.Store;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Store;

/// <summary>Pulls from a real registry into a real layer cache.</summary>
[Collection(RegistryCollection.Name)]
public sealed class ImagePullerTests(RegistryFixture fixture) : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private LayerCache NewCache(string name = "cache") => new(temp.Combine(name));

    private ImagePuller Puller(LayerCache cache) => new(cache, _ => fixture.Client());

    private async Task<(ImageReference Reference, TestImage Image)> PushSampleAsync()
    {
        var repository = $"test/pull-{Guid.NewGuid():N}";
        var image = TestImage.Sample();
        await image.PushAsync(fixture.Client(), repository, "v1");
        return (ImageReference.Parse($"{repository}:v1", fixture.Registry.Host), image);
    }

    [Fact]
    public async Task Pulls_config_and_layer_directories_in_order()
    {
        var (reference, image) = await PushSampleAsync();
        var cache = NewCache();

        var pulled = await Puller(cache).PullAsync(reference, null, CancellationToken.None);

        Assert.Equal(image.Manifest.Digest, pulled.ManifestDigest);
        Assert.Equal(["/bin/sh", "-c", "cat /etc/hello"], pulled.Config.Config!.Cmd);
        Assert.Equal(image.DiffIds.Select(cache.LayerDirectory), pulled.LayerDirectories);
        var (bottom, top) = (pulled.LayerDirectories[0], pulled.LayerDirectories[1]);
        Assert.Equal("hello from layer one", File.ReadAllText(Path.Combine(bottom, "etc/hello")));
        Assert.Equal("/etc/hello", new FileInfo(Path.Combine(bottom, "etc/link")).LinkTarget);
        Assert.True(FileStatus.Lstat(Path.Combine(top, "etc/old")).IsCharacterDevice);
        Assert.Equal("y", OverlayAttributes.Read(Path.Combine(top, "var/cache"), OverlayAttributes.Opaque));
        Assert.Equal($"{top}:{bottom}", pulled.OverlayLowerDirs);
        Assert.Equal((3, 2), (pulled.BlobsDownloaded, pulled.LayersUnpacked));
        Assert.True(cache.HasBlob(image.LayerDigest(0)));
    }

    [Fact]
    public async Task A_second_pull_downloads_and_unpacks_nothing()
    {
        var (reference, _) = await PushSampleAsync();
        var cache = NewCache();
        var first = await Puller(cache).PullAsync(reference, null, CancellationToken.None);
        var inode = FileStatus.Lstat(Path.Combine(first.LayerDirectories[0], "etc/hello")).Inode;

        var second = await Puller(cache).PullAsync(reference, null, CancellationToken.None);

        Assert.Equal((0L, 0, 0), (second.BytesDownloaded, second.BlobsDownloaded, second.LayersUnpacked));
        Assert.Equal(first.LayerDirectories, second.LayerDirectories);
        Assert.Equal(inode, FileStatus.Lstat(Path.Combine(second.LayerDirectories[0], "etc/hello")).Inode);
    }

    [Fact]
    public async Task Concurrent_pulls_of_one_image_unpack_each_layer_once()
    {
        var (reference, _) = await PushSampleAsync();
        var cache = NewCache();
        var puller = Puller(cache);

        var pulls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => puller.PullAsync(reference, null, CancellationToken.None))));

        Assert.Equal(2, pulls.Sum(p => p.LayersUnpacked));
        Assert.Equal(3, pulls.Sum(p => p.BlobsDownloaded));
        Assert.All(pulls, p => Assert.Equal(pulls[0].LayerDirectories, p.LayerDirectories));
    }

    [Fact]
    public async Task Reports_bytes_and_layers()
    {
        var (reference, image) = await PushSampleAsync();
        var reports = new List<PullProgress>();

        await Puller(NewCache()).PullAsync(reference, new SynchronousProgress<PullProgress>(reports.Add), CancellationToken.None);

        var last = reports[^1];
        var layerBytes = image.Layers.Sum(l => (long)l.Length);
        Assert.Equal((layerBytes, layerBytes, 2, 2), (last.BytesDownloaded, last.BytesToDownload, last.LayersReady, last.LayersTotal));
        Assert.Contains(reports, r => r.LayersReady == 1);
        Assert.True(reports.Select(r => r.BytesDownloaded).SequenceEqual(reports.Select(r => r.BytesDownloaded).Order()), "bytes only grow");
    }

    [Fact]
    public async Task A_pull_by_digest_gets_the_same_image()
    {
        var (reference, image) = await PushSampleAsync();
        var byDigest = ImageReference.Parse($"{reference.Name}@{image.Manifest.Digest}");

        var pulled = await Puller(NewCache()).PullAsync(byDigest, null, CancellationToken.None);

        Assert.Equal(image.Manifest.Digest, pulled.ManifestDigest);
        Assert.Equal(2, pulled.LayerDirectories.Count);
    }

    [Fact]
    public async Task A_corrupted_blob_fails_and_leaves_no_layer()
    {
        // Blobs are shared by content across repositories: this image's layers are its own, so corrupting them touches no other test.
        var repository = $"test/corrupt-{Guid.NewGuid():N}";
        var image = TestImage.Create("amd64",
            new LayerBuilder().File("a", Guid.NewGuid().ToString()),
            new LayerBuilder().File("b", Guid.NewGuid().ToString()));
        await image.PushAsync(fixture.Client(), repository, "v1");
        var reference = ImageReference.Parse($"{repository}:v1", fixture.Registry.Host);
        var corrupt = image.LayerDigest(1);
        var data = fixture.Registry.BlobDataPath(corrupt);
        var tampered = (byte[])image.Layers[1].Clone();
        tampered[^5] ^= 0xff;
        await File.WriteAllBytesAsync(data, tampered);
        var cache = NewCache();

        var error = await Assert.ThrowsAsync<DigestMismatchException>(() => Puller(cache).PullAsync(reference, null, CancellationToken.None));

        Assert.Equal(corrupt, error.Expected);
        Assert.False(cache.HasBlob(corrupt));
        Assert.False(cache.HasLayer(image.DiffIds[1]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(cache.Root, "blobs", "sha256"), ".tmp-*"));
        Assert.Empty(Directory.EnumerateDirectories(Path.Combine(cache.Root, "layers", "sha256"), ".*"));
    }

    [Fact]
    public async Task A_hostile_layer_from_the_registry_leaves_no_layer()
    {
        var repository = $"test/hostile-{Guid.NewGuid():N}";
        var image = TestImage.Create("amd64", new LayerBuilder().Symlink("link", "/").File("link/tmp/pwned", "x"));
        await image.PushAsync(fixture.Client(), repository, "v1");
        var cache = NewCache();

        await Assert.ThrowsAsync<LayerRejectedException>(() =>
            Puller(cache).PullAsync(ImageReference.Parse($"{repository}:v1", fixture.Registry.Host), null, CancellationToken.None));

        Assert.False(cache.HasLayer(image.DiffIds[0]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(cache.Root, "layers", "sha256")));
        Assert.False(File.Exists("/tmp/pwned"));
    }

    [Fact]
    public async Task Interrupted_work_is_cleaned_up()
    {
        var cache = NewCache();
        var staging = Path.Combine(cache.Root, "layers", "sha256", ".abc.unpacking-123");
        var temporary = Path.Combine(cache.Root, "blobs", "sha256", ".tmp-abc-123");
        Directory.CreateDirectory(staging);
        Directory.CreateDirectory(Path.GetDirectoryName(temporary)!);
        await File.WriteAllTextAsync(temporary, "partial");

        cache.RemoveInterruptedWork();

        Assert.False(Directory.Exists(staging));
        Assert.False(File.Exists(temporary));
    }
}
