using Platform.Oci.References;

namespace Platform.Cli.Output;

/// <summary>One row of `platformctl images`.</summary>
internal sealed record ImageRow(string Repository, string Tag, Digest Digest, long Size);

/// <summary>The table of `platformctl images`: REPOSITORY TAG DIGEST SIZE, as docker images prints it.</summary>
internal static class ImageColumns
{
    public const int ShortDigestLength = 12;

    private static readonly string[] Headers = ["REPOSITORY", "TAG", "DIGEST", "SIZE"];

    public static string Table(IEnumerable<ImageRow> rows) =>
        TableWriter.Render(Headers, rows.Select(row => (IReadOnlyList<string>)[row.Repository, row.Tag, ShortDigest(row.Digest), HumanSize.Format(row.Size)]));

    /// <summary>The first 12 hex digits, as docker shortens image IDs.</summary>
    public static string ShortDigest(Digest digest) => digest.Hex[..ShortDigestLength];
}
