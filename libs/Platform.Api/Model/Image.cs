namespace Platform.Api.Model;

/// <summary>
/// The cluster's view of one image (repository:tag): what it resolves to, its layers, and which nodes
/// hold it. Served at /apis/platform.io/v1/images; kept by the image's grain from the nodes' pulls.
/// </summary>
public sealed class Image : TypeMeta
{
    public const string KindName = "Image";
    public const string GroupVersion = "platform.io/v1";

    public ObjectMeta Metadata { get; set; } = new();
    public ImageStatus Status { get; set; } = new();
}

public sealed class ImageStatus
{
    public string? Digest { get; set; }
    public string? ConfigDigest { get; set; }
    public long Size { get; set; }
    public DateTimeOffset? Created { get; set; }
    public List<ImageLayer> Layers { get; set; } = [];
    public List<ImageNode> Nodes { get; set; } = [];
}

public sealed class ImageLayer
{
    public string? Digest { get; set; }
    public long Size { get; set; }
}

/// <summary>A node that pulled the image, and the digest it got (a tag may move between pulls).</summary>
public sealed class ImageNode
{
    public string? Name { get; set; }
    public string? Digest { get; set; }
    public DateTimeOffset PulledAt { get; set; }
}
