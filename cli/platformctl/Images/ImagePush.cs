using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>Pushes an imported image: the layer (streamed from its file), the config, then the manifest under the tag.</summary>
internal static class ImagePush
{
    private const int BufferSize = 128 * 1024;

    /// <returns>The manifest digest the registry stored the image as.</returns>
    public static Task<Digest> PushAsync(RegistrySession session, ImageReference target, ImportedImage image, CancellationToken cancellationToken) =>
        session.CallAsync(async ct =>
        {
            var repository = target.Repository;
            await using (var layer = new FileStream(image.Layer.Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true))
            {
                await session.Client.PushBlobAsync(repository, image.Layer.Digest, layer, ct);
            }

            using (var config = new MemoryStream(image.Config, writable: false))
            {
                await session.Client.PushBlobAsync(repository, Digest.Parse(image.ConfigDescriptor.Digest), config, ct);
            }

            return await session.Client.PushManifestAsync(repository, target.ManifestReference, image.Manifest, ct);
        }, cancellationToken);
}
