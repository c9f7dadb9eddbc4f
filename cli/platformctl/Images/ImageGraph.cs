using System.Net;
using Platform.Oci.Model;
using Platform.Oci.References;
using Platform.Oci.Registry;

namespace Platform.Cli.Images;

/// <summary>
/// Everything an image reference stands for in a registry: the document it names (<paramref name="Top"/>,
/// a manifest or an index), every manifest under an index (<paramref name="Children"/>, each before the
/// index that lists it), and the blobs of all the image manifests, each once, in order.
/// Every manifest was checked against its digest as it was read.
/// </summary>
internal sealed record ImageGraph(ManifestDocument Top, IReadOnlyList<ManifestDocument> Children, IReadOnlyList<Descriptor> Blobs)
{
    // An index of indexes is allowed; deeper nesting than this is not an image anyone made.
    private const int MaxDepth = 4;

    public Digest Digest => Top.Digest;

    public long Size => Blobs.Sum(blob => blob.Size);

    /// <summary>Reads the reference's document and, for an index, all it lists.</summary>
    public static async Task<ImageGraph> ReadAsync(RegistrySession session, ImageReference reference, CancellationToken cancellationToken)
    {
        var top = await session.CallAsync(async ct =>
        {
            try
            {
                return await session.Client.GetManifestAsync(reference.Repository, reference.ManifestReference, ct);
            }
            catch (RegistryException e) when (e.Status == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken) ?? throw new CliException($"image {reference} not found in the registry at {session.Host}");

        var children = new List<ManifestDocument>();
        await ReadChildrenAsync(session, reference.Repository, top, children, 1, cancellationToken);
        var blobs = children.Append(top)
            .Select(document => document.Manifest)
            .OfType<ImageManifest>()
            .SelectMany(manifest => (IEnumerable<Descriptor>)[manifest.Config, .. manifest.Layers])
            .DistinctBy(blob => blob.Digest)
            .ToList();
        return new ImageGraph(top, children, blobs);
    }

    private static async Task ReadChildrenAsync(
        RegistrySession session, string repository, ManifestDocument parent, List<ManifestDocument> children, int depth, CancellationToken cancellationToken)
    {
        if (parent.Index is not { } index)
        {
            return;
        }

        if (depth > MaxDepth)
        {
            throw new CliException($"the index {parent.Digest} in {session.Host}/{repository} nests indexes more than {MaxDepth} deep");
        }

        foreach (var entry in index.Manifests.DistinctBy(entry => entry.Digest))
        {
            var child = await session.CallAsync(ct => session.Client.GetManifestAsync(repository, entry.Digest, ct), cancellationToken);
            await ReadChildrenAsync(session, repository, child, children, depth + 1, cancellationToken);
            children.Add(child);
        }
    }
}
