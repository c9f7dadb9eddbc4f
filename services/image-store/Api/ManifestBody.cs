using Platform.ImageStore.Distribution;
using Platform.ImageStore.Storage;

namespace Platform.ImageStore.Api;

/// <summary>Reads a pushed manifest into memory, refusing anything larger than the manifest limit before reading it all.</summary>
public static class ManifestBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ManifestStore.MaxBytes)
        {
            throw TooLarge();
        }

        var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ManifestStore.MaxBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }

    private static RegistryException TooLarge() => new(RegistryError.ManifestTooLarge(ManifestStore.MaxBytes));
}
