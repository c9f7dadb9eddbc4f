using System.IO.Compression;
using Platform.Oci.References;

namespace Platform.Cli.Images;

/// <summary>
/// Turns a root filesystem tarball into an image layer in one streaming pass: a plain tar is gzipped
/// into the work directory while both the tar and the gzip are hashed; a gzip tar is used as it is,
/// hashed while it is decompressed for its diff ID. Nothing is held in memory but buffers.
/// The progress, when given, receives the bytes of the tarball read so far.
/// </summary>
internal static class LayerImport
{
    private const int BufferSize = 128 * 1024;
    private const string LayerFileName = "layer.tar.gz";

    public static async Task<ImportedLayer> PrepareAsync(
        string tarball, string workDirectory, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var compression = await TarballCompressions.DetectAsync(tarball, cancellationToken);
        try
        {
            return compression switch
            {
                TarballCompression.None => await CompressAsync(tarball, Path.Combine(workDirectory, LayerFileName), progress, cancellationToken),
                TarballCompression.Gzip => await HashGzipAsync(tarball, progress, cancellationToken),
                _ => throw new CliException(
                    $"{tarball} is compressed with {compression.ToString().ToLowerInvariant()}; import takes a plain or gzip-compressed tar"),
            };
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            var kind = compression == TarballCompression.Gzip ? "gzip-compressed tar archive" : "tar archive";
            var reason = e is EndOfStreamException ? "it ends in the middle of an entry" : e.Message;
            throw new CliException($"{tarball} is not a valid {kind}: {reason}");
        }
    }

    private static async Task<ImportedLayer> CompressAsync(
        string tarball, string destination, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var layerHasher = DigestHasher.Create();
        using var diffHasher = DigestHasher.Create();
        DateTimeOffset created;
        await using (var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
        {
            var compressed = new DigestingStream(output, layerHasher);
            await using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            await using (var input = OpenRead(tarball))
            {
                var tar = new TeeReadStream(new DigestingStream(Counted(input, progress), diffHasher), gzip);
                created = await TarScanner.NewestModificationAsync(tar, cancellationToken);
            }

            // The gzip trailer is written when the GZipStream is disposed, above.
            await output.FlushAsync(cancellationToken);
        }

        return new ImportedLayer(destination, layerHasher.Complete(), layerHasher.BytesHashed, diffHasher.Complete(), created);
    }

    private static async Task<ImportedLayer> HashGzipAsync(string tarball, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        using var layerHasher = DigestHasher.Create();
        using var diffHasher = DigestHasher.Create();
        DateTimeOffset created;
        await using (var input = OpenRead(tarball))
        {
            var compressed = new DigestingStream(Counted(input, progress), layerHasher);
            await using (var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true))
            {
                created = await TarScanner.NewestModificationAsync(new DigestingStream(gzip, diffHasher), cancellationToken);
            }

            // Whatever follows the last gzip member is part of the blob the registry will store.
            await TarScanner.DrainAsync(compressed, cancellationToken);
        }

        return new ImportedLayer(tarball, layerHasher.Complete(), layerHasher.BytesHashed, diffHasher.Complete(), created);
    }

    private static Stream Counted(Stream input, IProgress<long>? progress) =>
        progress is null ? input : new ProgressReadStream(input, progress);

    private static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);
}
