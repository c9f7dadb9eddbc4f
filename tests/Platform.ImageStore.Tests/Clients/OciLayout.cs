using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.ImageStore.Tests.Clients;

/// <summary>
/// An OCI image layout on disk, built from code: random gzip tar layers, a config naming their
/// diff ids, an image manifest, index.json tagging it, and the oci-layout marker.
/// </summary>
public sealed class OciLayout
{
    private OciLayout(string directory, string manifestDigest, IReadOnlyList<string> blobDigests)
    {
        Directory = directory;
        ManifestDigest = manifestDigest;
        BlobDigests = blobDigests;
    }

    public string Directory { get; }

    public string ManifestDigest { get; }

    /// <summary>The config and the layers.</summary>
    public IReadOnlyList<string> BlobDigests { get; }

    public static async Task<OciLayout> BuildAsync(string directory, string tag, int layers, int layerBytes)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "blobs", "sha256"));
        var layerDescriptors = new JsonArray();
        var diffIds = new JsonArray();
        var digests = new List<string>();
        for (var i = 0; i < layers; i++)
        {
            var tar = await TarOfAsync($"layer{i}/data.bin", RandomNumberGenerator.GetBytes(layerBytes));
            diffIds.Add(DigestOf(tar));
            var gzip = Gzip(tar);
            layerDescriptors.Add(await AddBlobAsync(directory, "application/vnd.oci.image.layer.v1.tar+gzip", gzip, digests));
        }

        var config = Json(new JsonObject
        {
            ["architecture"] = "amd64",
            ["os"] = "linux",
            ["config"] = new JsonObject(),
            ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = diffIds },
        });
        var configDescriptor = await AddBlobAsync(directory, "application/vnd.oci.image.config.v1+json", config, digests);
        var manifest = Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
            ["config"] = configDescriptor,
            ["layers"] = layerDescriptors,
        });
        var manifestDescriptor = await AddBlobAsync(directory, "application/vnd.oci.image.manifest.v1+json", manifest, []);
        manifestDescriptor["annotations"] = new JsonObject { ["org.opencontainers.image.ref.name"] = tag };
        await File.WriteAllBytesAsync(Path.Combine(directory, "index.json"), Json(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["manifests"] = new JsonArray(manifestDescriptor),
        }));
        await File.WriteAllTextAsync(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        return new OciLayout(directory, DigestOf(manifest), digests);
    }

    /// <summary>The digest of the manifest index.json tags with <paramref name="tag"/>.</summary>
    public static string ManifestDigestOf(string directory, string tag)
    {
        var index = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, "index.json")))!;
        return index["manifests"]!.AsArray()
            .Single(m => (string?)m!["annotations"]?["org.opencontainers.image.ref.name"] == tag)!["digest"]!.GetValue<string>();
    }

    public static string DigestOf(byte[] content) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(content));

    private static async Task<JsonObject> AddBlobAsync(string directory, string mediaType, byte[] content, List<string> digests)
    {
        var digest = DigestOf(content);
        await File.WriteAllBytesAsync(Path.Combine(directory, "blobs", "sha256", digest["sha256:".Length..]), content);
        digests.Add(digest);
        return new JsonObject { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = content.Length };
    }

    private static async Task<byte[]> TarOfAsync(string name, byte[] content)
    {
        using var tar = new MemoryStream();
        await using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }

        return tar.ToArray();
    }

    private static byte[] Gzip(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        return compressed.ToArray();
    }

    private static byte[] Json(JsonObject value) => Encoding.UTF8.GetBytes(value.ToJsonString());
}
