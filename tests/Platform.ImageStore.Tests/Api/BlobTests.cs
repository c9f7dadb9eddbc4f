using System.Net;
using System.Net.Http.Headers;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Api;

[Collection(RegistryCollection.Name)]
public sealed class BlobTests(SharedRegistry registry)
{
    private readonly string repository = Content.NewRepository();

    [Fact]
    public async Task Monolithic_upload_answers_201_with_location_and_digest()
    {
        var blob = Content.Random(5000);
        var digest = Content.DigestOf(blob);

        using var response = await registry.Admin.PostAsync($"/v2/{repository}/blobs/uploads/?digest={digest}", RegistryCalls.Octets(blob));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/v2/{repository}/blobs/{digest}", response.Header("Location"));
        Assert.Equal(digest, response.Header("Docker-Content-Digest"));
    }

    [Fact]
    public async Task Get_answers_the_exact_bytes_with_digest_and_length()
    {
        var blob = Content.Random(300_000);
        var digest = await registry.Admin.PushBlobAsync(repository, blob);

        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/blobs/{digest}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(blob, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(digest, response.Header("Docker-Content-Digest"));
        Assert.Equal(blob.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Head_answers_length_and_digest_without_a_body()
    {
        var blob = Content.Random(4096);
        var digest = await registry.Admin.PushBlobAsync(repository, blob);

        using var response = await registry.Anonymous.HeadAsync($"/v2/{repository}/blobs/{digest}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(blob.Length, response.Content.Headers.ContentLength);
        Assert.Equal(digest, response.Header("Docker-Content-Digest"));
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Range_request_answers_206_with_that_part()
    {
        var blob = Content.Random(10_000);
        var digest = await registry.Admin.PushBlobAsync(repository, blob);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/blobs/{digest}");
        request.Headers.Range = new RangeHeaderValue(1000, 1999);

        using var response = await registry.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(blob[1000..2000], await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("bytes 1000-1999/10000", response.Content.Headers.ContentRange?.ToString());
    }

    [Fact]
    public async Task Range_beyond_the_end_answers_416()
    {
        var digest = await registry.Admin.PushBlobAsync(repository, Content.Random(100));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v2/{repository}/blobs/{digest}");
        request.Headers.Range = new RangeHeaderValue(500, 600);

        using var response = await registry.Anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_blob_is_BLOB_UNKNOWN()
    {
        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/blobs/{Content.UnknownDigest()}");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Head_of_unknown_blob_is_404()
    {
        using var response = await registry.Anonymous.HeadAsync($"/v2/{repository}/blobs/{Content.UnknownDigest()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("sha256:xyz")]
    [InlineData("sha256:ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("md5:d41d8cd98f00b204e9800998ecf8427e")]
    public async Task Malformed_digest_is_DIGEST_INVALID(string digest)
    {
        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/blobs/{digest}");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task A_blob_is_visible_only_in_the_repository_it_was_pushed_to()
    {
        var digest = await registry.Admin.PushBlobAsync(repository, Content.Random(64));

        using var response = await registry.Anonymous.GetAsync($"/v2/{Content.NewRepository()}/blobs/{digest}");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Delete_answers_202_and_the_blob_is_gone_from_the_repository()
    {
        var digest = await registry.Admin.PushBlobAsync(repository, Content.Random(64));

        using var deleted = await registry.Admin.DeleteAsync($"/v2/{repository}/blobs/{digest}");
        using var after = await registry.Anonymous.GetAsync($"/v2/{repository}/blobs/{digest}");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        await RegistryCalls.AssertErrorAsync(after, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Delete_of_unknown_blob_is_BLOB_UNKNOWN()
    {
        using var response = await registry.Admin.DeleteAsync($"/v2/{repository}/blobs/{Content.UnknownDigest()}");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "BLOB_UNKNOWN");
    }
}
