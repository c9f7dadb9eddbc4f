using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Api;

[Collection(RegistryCollection.Name)]
public sealed class ManifestTests(SharedRegistry registry)
{
    private readonly string repository = Content.NewRepository();

    [Theory]
    [InlineData(Manifests.OciManifest)]
    [InlineData(Manifests.DockerManifest)]
    public async Task Push_by_tag_answers_201_with_the_sha256_of_the_exact_bytes(string mediaType)
    {
        var config = await registry.Admin.PushBlobAsync(repository, Content.Random(50));
        var manifest = Manifests.Image(mediaType, Manifests.Descriptor(Manifests.OciConfig, config, 50), []);

        using var response = await registry.Admin.PutManifestAsync(repository, "v1", manifest, mediaType);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Content.DigestOf(manifest), response.Header("Docker-Content-Digest"));
        Assert.Equal($"/v2/{repository}/manifests/{Content.DigestOf(manifest)}", response.Header("Location"));
    }

    [Theory]
    [InlineData("v1")]
    [InlineData("digest")]
    public async Task Get_by_tag_or_digest_answers_the_exact_bytes_and_media_type(string by)
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");
        var reference = by == "v1" ? "v1" : Content.DigestOf(manifest);

        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/{reference}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(manifest, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(Manifests.OciManifest, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Content.DigestOf(manifest), response.Header("Docker-Content-Digest"));
    }

    [Fact]
    public async Task Head_answers_length_type_and_digest()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1", Manifests.DockerManifest);

        using var response = await registry.Anonymous.HeadAsync($"/v2/{repository}/manifests/v1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(manifest.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Manifests.DockerManifest, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Content.DigestOf(manifest), response.Header("Docker-Content-Digest"));
    }

    [Theory]
    [InlineData(Manifests.OciIndex, Manifests.OciManifest)]
    [InlineData(Manifests.DockerManifestList, Manifests.DockerManifest)]
    public async Task Index_of_manifests_in_the_repository_is_accepted(string indexType, string childType)
    {
        var child = await registry.Admin.PushImageAsync(repository, "amd64", childType);
        var index = Manifests.Index(indexType, [Manifests.Descriptor(childType, child)]);

        using var response = await registry.Admin.PutManifestAsync(repository, "multi", index, indexType);
        using var fetched = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/multi");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(index, await fetched.Content.ReadAsByteArrayAsync());
        Assert.Equal(indexType, fetched.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Index_naming_a_manifest_the_repository_lacks_is_MANIFEST_BLOB_UNKNOWN()
    {
        var index = Manifests.Index(Manifests.OciIndex, [Manifests.Descriptor(Manifests.OciManifest, Content.UnknownDigest(), 500)]);

        using var response = await registry.Admin.PutManifestAsync(repository, "multi", index, Manifests.OciIndex);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
    }

    [Fact]
    public async Task Manifest_naming_a_blob_the_repository_lacks_is_MANIFEST_BLOB_UNKNOWN()
    {
        var config = await registry.Admin.PushBlobAsync(repository, Content.Random(50));
        var manifest = Manifests.Image(
            Manifests.OciManifest,
            Manifests.Descriptor(Manifests.OciConfig, config, 50),
            [Manifests.Descriptor(Manifests.OciLayer, Content.UnknownDigest(), 10)]);

        using var response = await registry.Admin.PutManifestAsync(repository, "v1", manifest, Manifests.OciManifest);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_BLOB_UNKNOWN");
        Assert.Equal(HttpStatusCode.NotFound, (await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/v1")).StatusCode);
    }

    [Fact]
    public async Task Manifest_that_is_not_json_is_MANIFEST_INVALID()
    {
        using var response = await registry.Admin.PutManifestAsync(repository, "v1", Encoding.UTF8.GetBytes("{not json"), Manifests.OciManifest);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task Manifest_of_an_unsupported_media_type_is_MANIFEST_INVALID()
    {
        using var response = await registry.Admin.PutManifestAsync(
            repository, "v1", Encoding.UTF8.GetBytes("{\"schemaVersion\":1}"), "application/vnd.docker.distribution.manifest.v1+prettyjws");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task Manifest_without_config_is_MANIFEST_INVALID()
    {
        var manifest = Encoding.UTF8.GetBytes(new JsonObject { ["schemaVersion"] = 2, ["layers"] = new JsonArray() }.ToJsonString());

        using var response = await registry.Admin.PutManifestAsync(repository, "v1", manifest, Manifests.OciManifest);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "MANIFEST_INVALID");
    }

    [Fact]
    public async Task Push_by_a_digest_that_is_not_the_content_is_DIGEST_INVALID()
    {
        var config = await registry.Admin.PushBlobAsync(repository, Content.Random(50));
        var manifest = Manifests.Image(Manifests.OciManifest, Manifests.Descriptor(Manifests.OciConfig, config, 50), []);

        using var response = await registry.Admin.PutManifestAsync(repository, Content.UnknownDigest(), manifest, Manifests.OciManifest);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    [Fact]
    public async Task Push_by_its_own_digest_is_accepted()
    {
        var config = await registry.Admin.PushBlobAsync(repository, Content.Random(50));
        var manifest = Manifests.Image(Manifests.OciManifest, Manifests.Descriptor(Manifests.OciConfig, config, 50), []);

        using var response = await registry.Admin.PutManifestAsync(repository, Content.DigestOf(manifest), manifest, Manifests.OciManifest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Manifest_over_4_MiB_is_413_SIZE_INVALID()
    {
        var config = await registry.Admin.PushBlobAsync(repository, Content.Random(50));
        var huge = Manifests.Image(
            Manifests.OciManifest,
            Manifests.Descriptor(Manifests.OciConfig, config, 50),
            [],
            manifest => manifest["annotations"] = new JsonObject { ["padding"] = new string('x', 4 * 1024 * 1024) });

        using var response = await registry.Admin.PutManifestAsync(repository, "v1", huge, Manifests.OciManifest);

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "SIZE_INVALID");
    }

    [Fact]
    public async Task Unknown_manifest_is_MANIFEST_UNKNOWN()
    {
        using var byTag = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/nothing");
        using var byDigest = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/{Content.UnknownDigest()}");

        await RegistryCalls.AssertErrorAsync(byTag, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        await RegistryCalls.AssertErrorAsync(byDigest, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }

    [Fact]
    public async Task Delete_by_digest_removes_the_manifest_and_every_tag_pointing_to_it()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");
        using (await registry.Admin.PutManifestAsync(repository, "latest", manifest, Manifests.OciManifest))
        {
        }

        await registry.Admin.PushImageAsync(repository, "other");

        using var deleted = await registry.Admin.DeleteAsync($"/v2/{repository}/manifests/{Content.DigestOf(manifest)}");
        using var byDigest = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/{Content.DigestOf(manifest)}");
        using var byTag = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/latest");
        var tags = await registry.Anonymous.GetStringAsync($"/v2/{repository}/tags/list");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        await RegistryCalls.AssertErrorAsync(byDigest, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        await RegistryCalls.AssertErrorAsync(byTag, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        Assert.Equal($"{{\"name\":\"{repository}\",\"tags\":[\"other\"]}}", tags);
    }

    [Fact]
    public async Task Delete_by_tag_removes_only_the_tag()
    {
        var manifest = await registry.Admin.PushImageAsync(repository, "v1");

        using var deleted = await registry.Admin.DeleteAsync($"/v2/{repository}/manifests/v1");
        using var byTag = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/v1");
        using var byDigest = await registry.Anonymous.GetAsync($"/v2/{repository}/manifests/{Content.DigestOf(manifest)}");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        await RegistryCalls.AssertErrorAsync(byTag, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
        Assert.Equal(HttpStatusCode.OK, byDigest.StatusCode);
    }

    [Fact]
    public async Task Delete_of_unknown_manifest_is_MANIFEST_UNKNOWN()
    {
        using var response = await registry.Admin.DeleteAsync($"/v2/{repository}/manifests/{Content.UnknownDigest()}");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.NotFound, "MANIFEST_UNKNOWN");
    }
}
