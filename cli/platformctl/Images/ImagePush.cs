using Platform.Cli.Progress;
using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>Pushes an imported image: the layer (streamed from its file), the config, then the manifest under the tag.</summary>
internal static class ImagePush
{
    private const int BufferSize = 128 * 1024;

    /// <returns>The manifest digest the registry stored the image as.</returns>
    public static async Task<Digest> PushAsync(
        RegistrySession session, ImageReference target, ImportedImage image, ITransferBoard board, CancellationToken cancellationToken)
    {
        var repository = target.Repository;
        var configDigest = Digest.Parse(image.ConfigDescriptor.Digest);
        board.Begin(2, image.Layer.Size + image.Config.LongLength);
        await using (var layer = new FileStream(image.Layer.Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true))
        {
            await PushBlobAsync(session, repository, image.Layer.Digest, layer, image.Layer.Size, board, cancellationToken);
        }

        using (var config = new MemoryStream(image.Config, writable: false))
        {
            await PushBlobAsync(session, repository, configDigest, config, image.Config.LongLength, board, cancellationToken);
        }

        return await session.CallAsync(ct => session.Client.PushManifestAsync(repository, target.ManifestReference, image.Manifest, ct), cancellationToken);
    }

    private static async Task PushBlobAsync(
        RegistrySession session, string repository, Digest digest, Stream content, long size, ITransferBoard board, CancellationToken cancellationToken)
    {
        var line = board.Add("Pushing blob", BlobCopy.Subject(digest), size);
        var uploading = new ProgressReadStream(content, line.Phase("uploading"));
        var sent = await session.CallAsync(ct => session.Client.PushBlobAsync(repository, digest, uploading, ct), cancellationToken);
        await line.CompleteAsync(sent ? "done" : "already exists", cancellationToken);
    }
}
