using System.Net;
using Platform.Oci.Model;
using Platform.Oci.References;
using Platform.Oci.Registry;
using Platform.Oci.Tests.Support;

namespace Platform.Oci.Tests.Registry;

/// <summary>The client against a real CNCF distribution registry.</summary>
[Collection(RegistryCollection.Name)]
public sealed class RegistryClientTests(RegistryFixture fixture) : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private static string NewRepository() => $"test/client-{Guid.NewGuid():N}";

    [Fact]
    public async Task Pings_the_registry() => await fixture.Client().PingAsync(CancellationToken.None);

    [Fact]
    public async Task Pushed_manifest_comes_back_byte_for_byte()
    {
        var client = fixture.Client();
        var repository = NewRepository();
        var image = TestImage.Sample();
        await image.PushAsync(client, repository, "v1");

        var byTag = await client.GetManifestAsync(repository, "v1", CancellationToken.None);
        var byDigest = await client.GetManifestAsync(repository, image.Manifest.Digest.ToString(), CancellationToken.None);

        Assert.Equal(image.Manifest.Content, byTag.Content);
        Assert.Equal(image.Manifest.Digest, byDigest.Digest);
        Assert.Equal(MediaTypes.OciManifest, byTag.MediaType);
        Assert.Equal(2, byTag.Manifest!.Layers.Count);
    }

    [Fact]
    public async Task Downloads_a_blob_to_a_file_and_verifies_it()
    {
        var client = fixture.Client();
        var repository = NewRepository();
        var image = TestImage.Sample();
        await image.PushAsync(client, repository, "v1");
        var file = temp.Combine("blob");
        long reported = 0;

        await client.DownloadBlobAsync(repository, image.LayerDigest(0), image.Layers[0].Length, file,
            new SynchronousProgress<long>(b => reported = b), CancellationToken.None);

        Assert.Equal(image.Layers[0], await File.ReadAllBytesAsync(file));
        Assert.Equal(image.Layers[0].Length, reported);
    }

    [Fact]
    public async Task Head_tells_whether_a_blob_exists()
    {
        var client = fixture.Client();
        var repository = NewRepository();
        var blob = "some blob"u8.ToArray();
        var digest = Digest.Compute(blob);

        Assert.False(await client.BlobExistsAsync(repository, digest, CancellationToken.None));
        Assert.True(await client.PushBlobAsync(repository, digest, new MemoryStream(blob), CancellationToken.None));
        Assert.True(await client.BlobExistsAsync(repository, digest, CancellationToken.None));
        Assert.False(await client.PushBlobAsync(repository, digest, new MemoryStream(blob), CancellationToken.None));
    }

    [Fact]
    public async Task Pushes_a_large_blob_in_chunks()
    {
        var client = fixture.Client(new RegistryClientOptions { MonolithicUploadLimit = 1000, ChunkSize = 64 * 1024 });
        var repository = NewRepository();
        var blob = new byte[300_000];
        new Random(7).NextBytes(blob);
        var digest = Digest.Compute(blob);

        await client.PushBlobAsync(repository, digest, new MemoryStream(blob), CancellationToken.None);
        var file = temp.Combine("chunked");
        await client.DownloadBlobAsync(repository, digest, blob.Length, file, null, CancellationToken.None);

        Assert.Equal(blob, await File.ReadAllBytesAsync(file));
    }

    [Fact]
    public async Task Mounts_a_blob_from_another_repository()
    {
        var client = fixture.Client();
        var source = NewRepository();
        var target = NewRepository();
        var blob = "shared layer"u8.ToArray();
        var digest = Digest.Compute(blob);
        await client.PushBlobAsync(source, digest, new MemoryStream(blob), CancellationToken.None);

        Assert.True(await client.MountBlobAsync(target, digest, source, CancellationToken.None));
        Assert.True(await client.BlobExistsAsync(target, digest, CancellationToken.None));
        Assert.False(await client.MountBlobAsync(target, Digest.Compute("absent"u8), source, CancellationToken.None));
    }

    [Fact]
    public async Task Selects_the_linux_amd64_entry_of_an_index()
    {
        var client = fixture.Client();
        var repository = NewRepository();
        var arm = TestImage.Sample("arm64");
        var amd = TestImage.Sample("amd64");
        await arm.PushAsync(client, repository, "arm");
        await amd.PushAsync(client, repository, "amd");
        var index = ManifestDocument.From(new ImageIndex
        {
            MediaType = MediaTypes.OciIndex,
            Manifests =
            [
                arm.Manifest.ToDescriptor() with { Platform = new ImagePlatform { OperatingSystem = "linux", Architecture = "arm64", Variant = "v8" } },
                amd.Manifest.ToDescriptor() with { Platform = ImagePlatform.LinuxAmd64 },
            ],
        });
        await client.PushManifestAsync(repository, "multi", index, CancellationToken.None);

        var selected = await client.GetImageManifestAsync(repository, "multi", ImagePlatform.LinuxAmd64, CancellationToken.None);

        Assert.Equal(amd.Manifest.Digest, selected.Digest);
        var error = await Assert.ThrowsAsync<RegistryException>(() => client.GetImageManifestAsync(
            repository, "multi", new ImagePlatform { OperatingSystem = "linux", Architecture = "s390x" }, CancellationToken.None));
        Assert.Contains("no image for linux/s390x", error.Message);
    }

    [Fact]
    public async Task Registry_errors_carry_the_code_and_message()
    {
        var client = fixture.Client();
        var repository = NewRepository();

        var manifest = await Assert.ThrowsAsync<RegistryException>(() => client.GetManifestAsync(repository, "nope", CancellationToken.None));
        var blob = await Assert.ThrowsAsync<RegistryException>(() => client.DownloadBlobAsync(
            repository, Digest.Compute("absent"u8), null, temp.Combine("absent"), null, CancellationToken.None));

        Assert.Equal((HttpStatusCode.NotFound, "MANIFEST_UNKNOWN"), (manifest.Status, manifest.Code));
        Assert.Equal("BLOB_UNKNOWN", blob.Code);
        Assert.False(File.Exists(temp.Combine("absent")));
    }

    [Fact]
    public async Task A_manifest_whose_blobs_are_missing_is_refused_with_the_registry_code()
    {
        var client = fixture.Client();
        var image = TestImage.Sample();

        var error = await Assert.ThrowsAsync<RegistryException>(() => client.PushManifestAsync(NewRepository(), "v1", image.Manifest, CancellationToken.None));

        Assert.Equal("MANIFEST_BLOB_UNKNOWN", error.Code);
    }
}
