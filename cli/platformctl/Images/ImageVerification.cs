using Platform.Cli.Progress;
using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>
/// Proves an image complete and intact where it is: every manifest (all those under an index too)
/// and every blob is downloaded into a temporary file, checked against its digest, and deleted.
/// </summary>
internal sealed class ImageVerification(RegistrySession session, ITransferBoard board, string workDirectory)
{
    public async Task<Digest> VerifyAsync(ImageReference reference, CancellationToken cancellationToken)
    {
        var image = await ImageGraph.ReadAsync(session, reference, cancellationToken);
        board.Begin(image.Blobs.Count, image.Size);
        foreach (var blob in image.Blobs)
        {
            var digest = Digest.Parse(blob.Digest);
            var line = board.Add("Verifying blob", BlobCopy.Subject(digest), blob.Size);
            var path = Path.Combine(workDirectory, digest.Hex);
            try
            {
                var downloading = line.Phase("downloading");
                await session.CallAsync(
                    ct => session.Client.DownloadBlobAsync(reference.Repository, digest, blob.Size, path, downloading, ct), cancellationToken);
            }
            finally
            {
                File.Delete(path);
            }

            await line.CompleteAsync("verified", cancellationToken);
        }

        return image.Digest;
    }
}
