using System.Text.Json;

namespace Platform.Oci.Model;

/// <summary>Reads and writes the image config blob.</summary>
public static class ImageConfigReader
{
    public static ImageConfig Parse(byte[] content) =>
        ManifestDocument.Deserialize(content, OciJsonContext.Default.ImageConfig);

    public static byte[] Serialize(ImageConfig config) =>
        JsonSerializer.SerializeToUtf8Bytes(config, OciJsonContext.Writer.ImageConfig);
}
