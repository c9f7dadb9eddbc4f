using System.Net;
using System.Text.Json;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.GarbageCollection;

public sealed class ImmediateCollectionRegistry() : RegistryProcess(ImmediateGarbageCollection());

/// <summary>
/// Garbage collection through `POST /admin/gc`, on a registry whose grace period is zero (nothing is
/// spared for being recent) and whose background collection does not run during the tests.
/// </summary>
public sealed class GarbageCollectionTests(ImmediateCollectionRegistry registry) : IClassFixture<ImmediateCollectionRegistry>
{
    private readonly string repository = Content.NewRepository();

    [Fact]
    public async Task Unreferenced_blobs_are_removed_and_referenced_ones_kept()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");
        var orphan = await registry.Admin.PushBlobAsync(repository, Content.Random(3000));

        var report = await CollectAsync();

        Assert.True(report.GetProperty("blobsDeleted").GetInt32() >= 1);
        Assert.False(BlobFileExists(orphan));
        await RegistryCalls.AssertErrorAsync(
            await registry.Anonymous.GetAsync($"/v2/{repository}/blobs/{orphan}"), HttpStatusCode.NotFound, "BLOB_UNKNOWN");
        await AssertImagePullsAsync(repository, manifest);
    }

    [Fact]
    public async Task A_blob_referenced_by_a_manifest_of_another_repository_is_kept()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");
        var layer = LayersOf(manifest)[0];
        var other = Content.NewRepository();
        using (await registry.Admin.PostAsync($"/v2/{other}/blobs/uploads/?mount={layer}&from={repository}", null))
        {
        }

        using var unlinked = await registry.Admin.DeleteAsync($"/v2/{repository}/blobs/{layer}");
        await CollectAsync();

        Assert.Equal(HttpStatusCode.Accepted, unlinked.StatusCode);
        Assert.True(BlobFileExists(layer));
        Assert.Equal(HttpStatusCode.OK, (await registry.Anonymous.HeadAsync($"/v2/{other}/blobs/{layer}")).StatusCode);
    }

    [Fact]
    public async Task Blobs_of_a_deleted_manifest_are_removed()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");
        using var deleted = await registry.Admin.DeleteAsync($"/v2/{repository}/manifests/{Content.DigestOf(manifest)}");

        await CollectAsync();

        Assert.False(BlobFileExists(Content.DigestOf(manifest)));
        Assert.All(LayersOf(manifest), layer => Assert.False(BlobFileExists(layer)));
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Anonymous.HeadAsync($"/v2/{repository}/blobs/{LayersOf(manifest)[0]}")).StatusCode);
    }

    [Fact]
    public async Task Child_manifests_of_an_index_and_their_layers_are_kept_even_when_unlinked()
    {
        var child = await registry.Admin.PushImageAsync(repository, "amd64");
        var index = Manifests.Index(Manifests.OciIndex, [Manifests.Descriptor(Manifests.OciManifest, child)]);
        using (await registry.Admin.PutManifestAsync(repository, "multi", index, Manifests.OciIndex))
        {
        }

        using var unlinked = await registry.Admin.DeleteAsync($"/v2/{repository}/manifests/{Content.DigestOf(child)}");
        await CollectAsync();

        Assert.Equal(HttpStatusCode.Accepted, unlinked.StatusCode);
        Assert.True(BlobFileExists(Content.DigestOf(child)));
        Assert.All(LayersOf(child), layer => Assert.True(BlobFileExists(layer)));
        Assert.Equal(index, await registry.Anonymous.GetByteArrayAsync($"/v2/{repository}/manifests/multi"));
    }

    [Fact]
    public async Task Abandoned_uploads_are_removed()
    {
        using var started = await registry.Admin.PostAsync($"/v2/{repository}/blobs/uploads/", null);
        using var patched = await registry.Admin.PatchAsync(started.Header("Location"), RegistryCalls.Octets(Content.Random(500)));

        var report = await CollectAsync();

        Assert.True(report.GetProperty("uploadsRemoved").GetInt32() >= 1);
        await RegistryCalls.AssertErrorAsync(
            await registry.Admin.GetAsync(started.Header("Location")), HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task Collection_needs_the_admin_token()
    {
        using var response = await registry.Anonymous.PostAsync("/admin/gc", null);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    private async Task<JsonElement> CollectAsync()
    {
        using var response = await registry.Admin.PostAsync("/admin/gc", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private async Task AssertImagePullsAsync(string name, byte[] manifest)
    {
        Assert.Equal(manifest, await registry.Anonymous.GetByteArrayAsync($"/v2/{name}/manifests/v1"));
        using var document = JsonDocument.Parse(manifest);
        var config = document.RootElement.GetProperty("config").GetProperty("digest").GetString()!;
        foreach (var digest in LayersOf(manifest).Append(config))
        {
            var blob = await registry.Anonymous.GetByteArrayAsync($"/v2/{name}/blobs/{digest}");
            Assert.Equal(digest, Content.DigestOf(blob));
        }
    }

    private static string[] LayersOf(byte[] manifest) =>
        JsonDocument.Parse(manifest).RootElement.GetProperty("layers").EnumerateArray()
            .Select(layer => layer.GetProperty("digest").GetString()!).ToArray();

    private bool BlobFileExists(string digest)
    {
        var hex = digest["sha256:".Length..];
        return File.Exists(Path.Combine(registry.StoreRoot, "blobs", "sha256", hex[..2], hex));
    }
}
