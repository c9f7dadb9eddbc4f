using Platform.Cli.Output;
using Platform.Cli.Progress;
using Platform.Oci.Model;
using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>
/// Copies blobs from one registry's repository to another's, as skopeo copy does: nothing when the
/// destination has the blob already (HEAD), a cross-repository mount when both repositories are in
/// the same registry, else a download into a temporary file (verified against the digest as it is
/// written, never held in memory) and an upload from that file.
/// </summary>
internal sealed class BlobCopy(RegistrySession source, RegistrySession destination, ITransferBoard board, string workDirectory)
{
    private const int BufferSize = 128 * 1024;

    private bool SameRegistry => string.Equals(source.Host, destination.Host, StringComparison.OrdinalIgnoreCase);

    public async Task CopyAsync(string fromRepository, string toRepository, Descriptor blob, CancellationToken cancellationToken)
    {
        var digest = Digest.Parse(blob.Digest);
        var line = board.Add("Copying blob", Subject(digest), blob.Size);
        var outcome = await TransferAsync(fromRepository, toRepository, digest, blob.Size, line, cancellationToken);
        await line.CompleteAsync(outcome, cancellationToken);
    }

    /// <summary>How a blob is named on a progress line: "sha256:0123456789ab…".</summary>
    public static string Subject(Digest digest) => $"{digest.Algorithm}:{ImageColumns.ShortDigest(digest)}…";

    private async Task<string> TransferAsync(
        string fromRepository, string toRepository, Digest digest, long size, ITransferLine line, CancellationToken cancellationToken)
    {
        if (await destination.CallAsync(ct => destination.Client.BlobExistsAsync(toRepository, digest, ct), cancellationToken))
        {
            return "already exists";
        }

        if (SameRegistry && fromRepository != toRepository
            && await destination.CallAsync(ct => destination.Client.MountBlobAsync(toRepository, digest, fromRepository, ct), cancellationToken))
        {
            return $"mounted from {fromRepository}";
        }

        var path = Path.Combine(workDirectory, digest.Hex);
        try
        {
            var downloading = line.Phase("downloading");
            await source.CallAsync(ct => source.Client.DownloadBlobAsync(fromRepository, digest, size, path, downloading, ct), cancellationToken);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
            var uploading = new ProgressReadStream(file, line.Phase("uploading"));
            await destination.CallAsync(ct => destination.Client.PushBlobAsync(toRepository, digest, uploading, ct), cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }

        return "done";
    }
}
