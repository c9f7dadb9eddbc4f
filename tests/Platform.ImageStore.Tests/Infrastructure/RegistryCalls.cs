using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Platform.ImageStore.Tests.Infrastructure;

/// <summary>The registry calls the tests make over and over, with the assertions that each must succeed.</summary>
public static class RegistryCalls
{
    /// <summary>Monolithic upload: one POST with the digest and the whole blob.</summary>
    public static async Task<string> PushBlobAsync(this HttpClient http, string repository, byte[] content)
    {
        var digest = Content.DigestOf(content);
        using var response = await http.PostAsync($"/v2/{repository}/blobs/uploads/?digest={digest}", Octets(content));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return digest;
    }

    public static Task<HttpResponseMessage> PutManifestAsync(this HttpClient http, string repository, string reference, byte[] manifest, string mediaType)
    {
        var body = new ByteArrayContent(manifest);
        body.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return http.PutAsync($"/v2/{repository}/manifests/{reference}", body);
    }

    /// <summary>Pushes a config and two layers, then the manifest under the tag; answers the manifest's bytes.</summary>
    public static async Task<byte[]> PushImageAsync(this HttpClient http, string repository, string tag, string mediaType = Manifests.OciManifest)
    {
        var config = Content.Random(100);
        var layers = new[] { Content.Random(1000), Content.Random(2000) };
        await http.PushBlobAsync(repository, config);
        foreach (var layer in layers)
        {
            await http.PushBlobAsync(repository, layer);
        }

        var manifest = Manifests.Image(
            mediaType,
            Manifests.Descriptor(Manifests.OciConfig, config),
            layers.Select(layer => Manifests.Descriptor(Manifests.OciLayer, layer)));
        using var response = await http.PutManifestAsync(repository, tag, manifest, mediaType);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return manifest;
    }

    public static ByteArrayContent Octets(byte[] content, string? contentRange = null)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        if (contentRange is not null)
        {
            // The spec's form "start-end" is not the RFC form the typed header insists on.
            body.Headers.TryAddWithoutValidation("Content-Range", contentRange);
        }

        return body;
    }

    public static Task<HttpResponseMessage> HeadAsync(this HttpClient http, string path) =>
        http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

    /// <summary>Asserts the status and that the body is the spec's error JSON with this code first.</summary>
    public static async Task AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = body.RootElement.GetProperty("errors");
        Assert.Equal(code, errors[0].GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(errors[0].GetProperty("message").GetString()));
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"no {name} header in the {(int)response.StatusCode} response");
}
