using Platform.Cli.Progress;
using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>
/// Copies an image between registries as <c>skopeo copy docker://FROM docker://TO</c> does: every
/// blob the destination lacks, then the manifests with their exact bytes (the children of an index
/// by digest, then the named document under the destination's tag), so every digest stays the same.
/// Finally the destination is read back to prove it stored the same digest.
/// </summary>
internal sealed class ImageCopy(RegistrySession source, RegistrySession destination, ITransferBoard board, string workDirectory)
{
    public async Task<Digest> CopyAsync(ImageReference from, ImageReference to, CancellationToken cancellationToken)
    {
        var image = await ImageGraph.ReadAsync(source, from, cancellationToken);
        board.Begin(image.Blobs.Count, image.Size);
        var blobs = new BlobCopy(source, destination, board, workDirectory);
        foreach (var blob in image.Blobs)
        {
            await blobs.CopyAsync(from.Repository, to.Repository, blob, cancellationToken);
        }

        foreach (var child in image.Children.DistinctBy(child => child.Digest))
        {
            await destination.CallAsync(
                ct => destination.Client.PushManifestAsync(to.Repository, child.Digest.ToString(), child, ct), cancellationToken);
        }

        await destination.CallAsync(
            ct => destination.Client.PushManifestAsync(to.Repository, to.ManifestReference, image.Top, ct), cancellationToken);
        await VerifyAsync(to, image.Digest, cancellationToken);
        return image.Digest;
    }

    private async Task VerifyAsync(ImageReference to, Digest expected, CancellationToken cancellationToken)
    {
        var stored = await destination.CallAsync(
            ct => destination.Client.GetManifestAsync(to.Repository, to.ManifestReference, ct), cancellationToken);
        if (stored.Digest != expected)
        {
            throw new CliException($"the registry at {destination.Host} stored {to} as {stored.Digest}, not as the {expected} it was sent");
        }
    }
}
