using System.Net;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Api;

[Collection(RegistryCollection.Name)]
public sealed class UploadTests(SharedRegistry registry)
{
    private readonly string repository = Content.NewRepository();

    [Fact]
    public async Task Start_answers_202_with_location_upload_id_and_an_empty_range()
    {
        using var response = await registry.Admin.PostAsync($"/v2/{repository}/blobs/uploads/", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = response.Header("Docker-Upload-UUID");
        Assert.Equal($"/v2/{repository}/blobs/uploads/{id}", response.Header("Location"));
        Assert.Equal("0-0", response.Header("Range"));
    }

    [Fact]
    public async Task Streamed_patch_then_put_with_digest_creates_the_blob()
    {
        var blob = Content.Random(200_000);
        var location = await StartAsync();

        using var patched = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(blob));
        using var finished = await registry.Admin.PutAsync($"{patched.Header("Location")}?digest={Content.DigestOf(blob)}", null);

        Assert.Equal(HttpStatusCode.Accepted, patched.StatusCode);
        Assert.Equal($"0-{blob.Length - 1}", patched.Header("Range"));
        Assert.Equal(HttpStatusCode.Created, finished.StatusCode);
        Assert.Equal(Content.DigestOf(blob), finished.Header("Docker-Content-Digest"));
        Assert.Equal($"/v2/{repository}/blobs/{Content.DigestOf(blob)}", finished.Header("Location"));
        Assert.Equal(blob, await registry.Anonymous.GetByteArrayAsync(finished.Header("Location")));
    }

    [Fact]
    public async Task Chunks_in_order_with_the_last_one_in_the_put()
    {
        var blob = Content.Random(30_000);
        var location = await StartAsync();

        using var first = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(blob[..10_000], "0-9999"));
        using var second = await registry.Admin.PatchAsync(first.Header("Location"), RegistryCalls.Octets(blob[10_000..20_000], "10000-19999"));
        using var last = await registry.Admin.PutAsync(
            $"{second.Header("Location")}?digest={Content.DigestOf(blob)}", RegistryCalls.Octets(blob[20_000..], "20000-29999"));

        Assert.Equal("0-9999", first.Header("Range"));
        Assert.Equal("0-19999", second.Header("Range"));
        Assert.Equal(HttpStatusCode.Created, last.StatusCode);
        Assert.Equal(blob, await registry.Anonymous.GetByteArrayAsync($"/v2/{repository}/blobs/{Content.DigestOf(blob)}"));
    }

    [Fact]
    public async Task Out_of_order_chunk_is_416_and_leaves_the_upload_as_it_was()
    {
        var blob = Content.Random(20_000);
        var location = await StartAsync();
        using var first = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(blob[..10_000], "0-9999"));

        using var skipped = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(blob[..5000], "15000-19999"));
        using var status = await registry.Admin.GetAsync(location);

        await RegistryCalls.AssertErrorAsync(skipped, HttpStatusCode.RequestedRangeNotSatisfiable, "BLOB_UPLOAD_INVALID");
        Assert.Equal("0-9999", skipped.Header("Range"));
        Assert.Equal("0-9999", status.Header("Range"));
    }

    [Fact]
    public async Task Status_answers_204_with_range_and_location()
    {
        var location = await StartAsync();
        using var patched = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(Content.Random(1234)));

        using var status = await registry.Anonymous.GetAsync(location);

        Assert.Equal(HttpStatusCode.NoContent, status.StatusCode);
        Assert.Equal("0-1233", status.Header("Range"));
        Assert.Equal(location, status.Header("Location"));
    }

    [Fact]
    public async Task Digest_mismatch_is_DIGEST_INVALID_and_leaves_no_blob_and_no_upload()
    {
        var blob = Content.Random(50_000);
        var claimed = Content.UnknownDigest();
        var location = await StartAsync();
        using var patched = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(blob));

        using var finished = await registry.Admin.PutAsync($"{location}?digest={claimed}", null);

        await RegistryCalls.AssertErrorAsync(finished, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Anonymous.HeadAsync($"/v2/{repository}/blobs/{claimed}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Anonymous.HeadAsync($"/v2/{repository}/blobs/{Content.DigestOf(blob)}")).StatusCode);
        Assert.False(BlobFileExists(claimed));
        Assert.False(BlobFileExists(Content.DigestOf(blob)));
        await RegistryCalls.AssertErrorAsync(await registry.Admin.GetAsync(location), HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task Monolithic_upload_with_a_wrong_digest_leaves_no_blob()
    {
        var blob = Content.Random(10_000);
        var claimed = Content.UnknownDigest();

        using var response = await registry.Admin.PostAsync($"/v2/{repository}/blobs/uploads/?digest={claimed}", RegistryCalls.Octets(blob));

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
        Assert.False(BlobFileExists(Content.DigestOf(blob)));
        Assert.DoesNotContain(Directory.EnumerateDirectories(Path.Combine(registry.StoreRoot, "uploads")), UploadOf(repository));
    }

    [Fact]
    public async Task Put_without_digest_is_DIGEST_INVALID()
    {
        var location = await StartAsync();

        using var response = await registry.Admin.PutAsync(location, RegistryCalls.Octets(Content.Random(10)));

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task Chunk_whose_range_and_length_disagree_is_SIZE_INVALID()
    {
        var location = await StartAsync();

        using var response = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(Content.Random(100), "0-199"));

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "SIZE_INVALID");
    }

    [Fact]
    public async Task Malformed_content_range_is_BLOB_UPLOAD_INVALID()
    {
        var location = await StartAsync();

        using var response = await registry.Admin.PatchAsync(location, RegistryCalls.Octets(Content.Random(100), "ten-twenty"));

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "BLOB_UPLOAD_INVALID");
    }

    [Fact]
    public async Task Cancel_answers_204_and_the_upload_is_gone()
    {
        var location = await StartAsync();

        using var cancelled = await registry.Admin.DeleteAsync(location);
        using var status = await registry.Admin.GetAsync(location);

        Assert.Equal(HttpStatusCode.NoContent, cancelled.StatusCode);
        await RegistryCalls.AssertErrorAsync(status, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task Unknown_upload_is_BLOB_UPLOAD_UNKNOWN()
    {
        using var response = await registry.Admin.PatchAsync($"/v2/{repository}/blobs/uploads/{Guid.NewGuid():N}", RegistryCalls.Octets([1, 2, 3]));

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task An_upload_continues_only_in_its_own_repository()
    {
        var location = await StartAsync();
        var id = location[(location.LastIndexOf('/') + 1)..];

        using var response = await registry.Admin.PatchAsync($"/v2/{Content.NewRepository()}/blobs/uploads/{id}", RegistryCalls.Octets([1, 2, 3]));

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "BLOB_UPLOAD_UNKNOWN");
    }

    [Fact]
    public async Task Mount_from_a_repository_holding_the_blob_answers_201()
    {
        var blob = Content.Random(777);
        var source = Content.NewRepository();
        var digest = await registry.Admin.PushBlobAsync(source, blob);

        using var response = await registry.Admin.PostAsync($"/v2/{repository}/blobs/uploads/?mount={digest}&from={source}", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v2/{repository}/blobs/{digest}", response.Header("Location"));
        Assert.Equal(digest, response.Header("Docker-Content-Digest"));
        Assert.Equal(blob, await registry.Anonymous.GetByteArrayAsync($"/v2/{repository}/blobs/{digest}"));
    }

    [Fact]
    public async Task Mount_of_a_blob_the_source_lacks_falls_back_to_an_upload()
    {
        using var response = await registry.Admin.PostAsync(
            $"/v2/{repository}/blobs/uploads/?mount={Content.UnknownDigest()}&from={Content.NewRepository()}", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.StartsWith($"/v2/{repository}/blobs/uploads/", response.Header("Location"));
    }

    [Fact]
    public async Task An_upload_in_progress_survives_a_crash_of_the_registry()
    {
        var isolated = new RegistryProcess();
        await isolated.InitializeAsync();
        try
        {
            var blob = Content.Random(40_000);
            using var started = await isolated.Admin.PostAsync($"/v2/{repository}/blobs/uploads/", null);
            var location = started.Header("Location");
            using var first = await isolated.Admin.PatchAsync(location, RegistryCalls.Octets(blob[..25_000], "0-24999"));

            await isolated.CrashAndRestartAsync();
            Assert.Equal(HttpStatusCode.NotFound, (await isolated.Anonymous.HeadAsync($"/v2/{repository}/blobs/{Content.DigestOf(blob)}")).StatusCode);
            Assert.Equal("0-24999", (await isolated.Admin.GetAsync(location)).Header("Range"));
            using var second = await isolated.Admin.PatchAsync(location, RegistryCalls.Octets(blob[25_000..], "25000-39999"));
            using var finished = await isolated.Admin.PutAsync($"{location}?digest={Content.DigestOf(blob)}", null);

            Assert.Equal(HttpStatusCode.Created, finished.StatusCode);
            Assert.Equal(blob, await isolated.Anonymous.GetByteArrayAsync(finished.Header("Location")));
        }
        finally
        {
            await isolated.DisposeAsync();
        }
    }

    private async Task<string> StartAsync()
    {
        using var response = await registry.Admin.PostAsync($"/v2/{repository}/blobs/uploads/", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return response.Header("Location");
    }

    private bool BlobFileExists(string digest)
    {
        var hex = digest["sha256:".Length..];
        return File.Exists(Path.Combine(registry.StoreRoot, "blobs", "sha256", hex[..2], hex));
    }

    private static Predicate<string> UploadOf(string name) =>
        folder => File.Exists(Path.Combine(folder, "repository")) && File.ReadAllText(Path.Combine(folder, "repository")) == name;
}
