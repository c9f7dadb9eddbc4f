using System.Text.Json;
using Platform.ImageStore.Tests.Infrastructure;

namespace Platform.ImageStore.Tests.Clients;

/// <summary>skopeo, a real OCI client, copies an image into the registry and back out, unchanged.</summary>
[Collection(RegistryCollection.Name)]
public sealed class SkopeoTests(SharedRegistry registry) : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("image-store-skopeo-").FullName;
    private readonly string repository = $"team/app{Guid.NewGuid():N}";

    [Fact]
    public async Task Push_and_pull_back_keep_every_digest()
    {
        var image = await OciLayout.BuildAsync(Path.Combine(work, "image"), "v1", layers: 3, layerBytes: 512 * 1024);
        var target = $"docker://{registry.Host}/{repository}:v1";
        var pulled = Path.Combine(work, "pulled");

        await Skopeo.SucceedAsync("copy", "--dest-tls-verify=false", "--dest-creds", $"admin:{registry.Token}", $"oci:{image.Directory}:v1", target);
        await Skopeo.SucceedAsync("copy", "--src-tls-verify=false", target, $"oci:{pulled}:v1");

        Assert.Equal(image.ManifestDigest, OciLayout.ManifestDigestOf(pulled, "v1"));
        foreach (var digest in image.BlobDigests.Append(image.ManifestDigest))
        {
            var copy = Path.Combine(pulled, "blobs", "sha256", digest["sha256:".Length..]);
            Assert.True(File.Exists(copy), $"{digest} was not pulled");
            Assert.Equal(digest, OciLayout.DigestOf(await File.ReadAllBytesAsync(copy)));
        }
    }

    [Fact]
    public async Task Inspect_reports_the_pushed_image()
    {
        var image = await OciLayout.BuildAsync(Path.Combine(work, "image"), "v1", layers: 3, layerBytes: 64 * 1024);
        var target = $"docker://{registry.Host}/{repository}:v1";
        await Skopeo.SucceedAsync("copy", "--dest-tls-verify=false", "--dest-creds", $"admin:{registry.Token}", $"oci:{image.Directory}:v1", target);

        using var inspected = JsonDocument.Parse(await Skopeo.SucceedAsync("inspect", "--tls-verify=false", target));
        var raw = await Skopeo.SucceedAsync("inspect", "--tls-verify=false", "--raw", target);

        Assert.Equal(image.ManifestDigest, inspected.RootElement.GetProperty("Digest").GetString());
        Assert.Equal(image.BlobDigests.Take(3), inspected.RootElement.GetProperty("Layers").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(["v1"], inspected.RootElement.GetProperty("RepoTags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(image.ManifestDigest, OciLayout.DigestOf(System.Text.Encoding.UTF8.GetBytes(raw)));
    }

    [Fact]
    public async Task Push_without_credentials_is_refused()
    {
        var image = await OciLayout.BuildAsync(Path.Combine(work, "image"), "v1", layers: 1, layerBytes: 1024);

        var result = await Skopeo.RunAsync(
            "copy", "--dest-tls-verify=false", $"oci:{image.Directory}:v1", $"docker://{registry.Host}/{repository}:v1");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unauthorized", result.Errors, StringComparison.OrdinalIgnoreCase);
    }

    public void Dispose() => Directory.Delete(work, recursive: true);
}
