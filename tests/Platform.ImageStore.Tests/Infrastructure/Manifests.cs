using System.Text;
using System.Text.Json.Nodes;

namespace Platform.ImageStore.Tests.Infrastructure;

/// <summary>Manifests and indexes built as JSON bytes, as clients push them.</summary>
public static class Manifests
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar+gzip";

    public static JsonObject Descriptor(string mediaType, byte[] content) => Descriptor(mediaType, Content.DigestOf(content), content.Length);

    public static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };

    public static byte[] Image(string mediaType, JsonObject config, IEnumerable<JsonObject> layers, Action<JsonObject>? extra = null)
    {
        var manifest = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["config"] = config,
            ["layers"] = new JsonArray([.. layers]),
        };
        extra?.Invoke(manifest);
        return Encoding.UTF8.GetBytes(manifest.ToJsonString());
    }

    public static byte[] Index(string mediaType, IEnumerable<JsonObject> children) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = mediaType,
            ["manifests"] = new JsonArray([.. children]),
        }.ToJsonString());
}
