using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Api;

[Collection(RegistryCollection.Name)]
public sealed class ReferrerTests(SharedRegistry registry)
{
    private const string SignatureType = "application/vnd.example.signature";
    private const string SbomType = "application/vnd.example.sbom";

    private readonly string repository = Content.NewRepository();

    [Fact]
    public async Task Referrers_lists_the_manifests_whose_subject_is_the_digest()
    {
        var subject = await registry.Admin.PushImageAsync(repository, "v1");
        var signature = await PushArtifactAsync(subject, SignatureType, "signed-by", "ops");
        var sbom = await PushArtifactAsync(subject, SbomType, "format", "spdx");

        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/referrers/{Content.DigestOf(subject)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Manifests.OciIndex, response.Content.Headers.ContentType?.MediaType);
        var index = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(2, (int)index["schemaVersion"]!);
        Assert.Equal(Manifests.OciIndex, (string?)index["mediaType"]);
        var listed = index["manifests"]!.AsArray().ToDictionary(m => (string)m!["digest"]!);
        Assert.Equal(new[] { Content.DigestOf(signature), Content.DigestOf(sbom) }.Order(), listed.Keys.Order());
        var entry = listed[Content.DigestOf(signature)]!;
        Assert.Equal(SignatureType, (string?)entry["artifactType"]);
        Assert.Equal(Manifests.OciManifest, (string?)entry["mediaType"]);
        Assert.Equal(signature.Length, (long)entry["size"]!);
        Assert.Equal("ops", (string?)entry["annotations"]!["signed-by"]);
    }

    [Fact]
    public async Task Referrers_filter_by_artifact_type_and_say_so()
    {
        var subject = await registry.Admin.PushImageAsync(repository, "v1");
        await PushArtifactAsync(subject, SignatureType, "n", "1");
        var sbom = await PushArtifactAsync(subject, SbomType, "n", "2");

        using var response = await registry.Anonymous.GetAsync(
            $"/v2/{repository}/referrers/{Content.DigestOf(subject)}?artifactType={Uri.EscapeDataString(SbomType)}");

        Assert.Equal("artifactType", response.Header("OCI-Filters-Applied"));
        var manifests = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("manifests");
        Assert.Equal(Content.DigestOf(sbom), Assert.Single(manifests.EnumerateArray()).GetProperty("digest").GetString());
    }

    [Fact]
    public async Task A_manifest_with_a_subject_is_answered_with_OCI_Subject_even_before_the_subject_exists()
    {
        var absent = Content.UnknownDigest();
        var empty = await registry.Admin.PushBlobAsync(repository, "{}"u8.ToArray());
        var artifact = Manifests.Image(
            Manifests.OciManifest,
            Manifests.Descriptor("application/vnd.oci.empty.v1+json", empty, 2),
            [],
            manifest =>
            {
                manifest["artifactType"] = SignatureType;
                manifest["subject"] = Manifests.Descriptor(Manifests.OciManifest, absent, 123);
            });

        using var response = await registry.Admin.PutManifestAsync(repository, Content.DigestOf(artifact), artifact, Manifests.OciManifest);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(absent, response.Header("OCI-Subject"));
    }

    [Fact]
    public async Task Referrers_of_a_digest_nothing_refers_to_is_an_empty_index()
    {
        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/referrers/{Content.UnknownDigest()}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("manifests").GetArrayLength());
    }

    [Fact]
    public async Task A_deleted_referrer_is_no_longer_listed()
    {
        var subject = await registry.Admin.PushImageAsync(repository, "v1");
        var signature = await PushArtifactAsync(subject, SignatureType, "n", "1");

        using var deleted = await registry.Admin.DeleteAsync($"/v2/{repository}/manifests/{Content.DigestOf(signature)}");
        var index = await registry.Anonymous.GetStringAsync($"/v2/{repository}/referrers/{Content.DigestOf(subject)}");

        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal(0, JsonDocument.Parse(index).RootElement.GetProperty("manifests").GetArrayLength());
    }

    [Fact]
    public async Task Referrers_of_a_malformed_digest_is_DIGEST_INVALID()
    {
        using var response = await registry.Anonymous.GetAsync($"/v2/{repository}/referrers/latest");

        await RegistryCalls.AssertErrorAsync(response, HttpStatusCode.BadRequest, "DIGEST_INVALID");
    }

    /// <summary>An artifact in the OCI 1.1 style: config of the artifact type, one layer, a subject, annotations.</summary>
    private async Task<byte[]> PushArtifactAsync(byte[] subject, string artifactType, string annotation, string value)
    {
        var config = await registry.Admin.PushBlobAsync(repository, "{}"u8.ToArray());
        var payload = Content.Random(200);
        await registry.Admin.PushBlobAsync(repository, payload);
        var artifact = Manifests.Image(
            Manifests.OciManifest,
            Manifests.Descriptor(artifactType, config, 2),
            [Manifests.Descriptor("application/octet-stream", payload)],
            manifest =>
            {
                manifest["subject"] = Manifests.Descriptor(Manifests.OciManifest, subject);
                manifest["annotations"] = new JsonObject { [annotation] = value };
            });
        using var response = await registry.Admin.PutManifestAsync(repository, Content.DigestOf(artifact), artifact, Manifests.OciManifest);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(Content.DigestOf(subject), response.Header("OCI-Subject"));
        return artifact;
    }
}
