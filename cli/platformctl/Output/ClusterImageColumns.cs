using Platform.Api.Model;
using Platform.Oci.References;

namespace Platform.Cli.Output;

/// <summary>The columns of `get images`, the cluster's view: NAME DIGEST SIZE LAYERS NODES.</summary>
internal static class ClusterImageColumns
{
    private static readonly string[] Headers = ["NAME", "DIGEST", "SIZE", "LAYERS", "NODES"];

    public static string Table(IEnumerable<Image> images) =>
        TableWriter.Render(Headers, images.Select(Row));

    public static IReadOnlyList<string> Row(Image image) =>
    [
        image.Metadata.Name ?? string.Empty,
        image.Status.Digest is { } digest ? ImageColumns.ShortDigest(Digest.Parse(digest)) : "<none>",
        HumanSize.Format(image.Status.Size),
        image.Status.Layers.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
        image.Status.Nodes.Count == 0 ? "<none>" : string.Join(',', image.Status.Nodes.Select(n => n.Name)),
    ];
}
