using System.Formats.Tar;
using Platform.Oci.References;

namespace Platform.Oci.Layers;

/// <summary>
/// Unpacks a layer blob (gzip, zstd or plain tar) into a directory in overlayfs format. The layer is
/// written into a staging directory beside the destination and renamed into place only when every
/// entry was accepted and the diff ID matched; a refused or failed layer leaves nothing behind.
/// </summary>
public sealed class LayerUnpacker(LayerLimits? limits = null)
{
    private const string StagingMarker = ".unpacking-";

    private readonly LayerLimits limits = limits ?? LayerLimits.Default;

    /// <summary>Whether a directory name is a staging directory some unpack left behind (a crash mid-unpack).</summary>
    public static bool IsStagingDirectory(string name) => name.StartsWith('.') && name.Contains(StagingMarker, StringComparison.Ordinal);

    /// <param name="blob">The layer blob, seekable (its first bytes tell the compression).</param>
    /// <param name="destination">The layer directory to create; it must not exist yet.</param>
    /// <param name="expectedDiffId">The config's diff ID for this layer; null skips the check.</param>
    public async Task<UnpackedLayer> UnpackAsync(Stream blob, string destination, Digest? expectedDiffId, CancellationToken cancellationToken)
    {
        destination = Path.GetFullPath(destination);
        if (Path.Exists(destination))
        {
            throw new IOException($"layer directory '{destination}' exists already");
        }
        var staging = StagingPathFor(destination);
        Directory.CreateDirectory(staging);
        try
        {
            var (diffId, tarBytes, entries) = await ExtractAsync(blob, staging, expectedDiffId, cancellationToken);
            Directory.Move(staging, destination);
            return new UnpackedLayer(destination, diffId, tarBytes, entries);
        }
        catch
        {
            RemoveStaging(staging);
            throw;
        }
    }

    private async Task<(Digest DiffId, long TarBytes, int Entries)> ExtractAsync(
        Stream blob, string staging, Digest? expectedDiffId, CancellationToken cancellationToken)
    {
        using var hasher = expectedDiffId is { } expected ? DigestHasher.For(expected) : DigestHasher.Create();
        await using var tar = new BoundedDigestStream(
            await LayerDecompression.OpenAsync(blob, cancellationToken), limits.MaxUnpackedBytes, hasher);
        using var root = LayerRoot.Open(staging);
        var validator = new LayerEntryValidator(limits);
        try
        {
            await WriteEntriesAsync(tar, root, validator, cancellationToken);
            // The tar's end-of-archive padding is part of the diff ID.
            await tar.CopyToAsync(Stream.Null, cancellationToken);
        }
        catch (Exception e) when (IsMalformedInput(e))
        {
            throw new LayerRejectedException($"the layer is not a valid compressed tar: {e.Message}", e);
        }
        var diffId = hasher.Complete();
        if (expectedDiffId is { } wanted && diffId != wanted)
        {
            throw new LayerRejectedException($"the layer's diff ID is {diffId}, the image config says {wanted}");
        }
        root.Sync();
        return (diffId, tar.BytesRead, validator.EntryCount);
    }

    private static async Task WriteEntriesAsync(Stream tar, LayerRoot root, LayerEntryValidator validator, CancellationToken cancellationToken)
    {
        await using var reader = new TarReader(tar, leaveOpen: true);
        var writer = new LayerEntryWriter(root);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var planned = validator.Plan(LayerEntryHeader.From(entry));
            await writer.WriteAsync(planned, entry, cancellationToken);
        }
        writer.CompleteDirectories();
    }

    private static bool IsMalformedInput(Exception e) =>
        e is InvalidDataException or FormatException or EndOfStreamException or ZstdSharp.ZstdException;

    private static string StagingPathFor(string destination)
    {
        var parent = Path.GetDirectoryName(destination) ?? throw new ArgumentException("the layer directory needs a parent", nameof(destination));
        return Path.Combine(parent, $".{Path.GetFileName(destination)}{StagingMarker}{Guid.NewGuid():N}");
    }

    /// <summary>Directory.Delete removes symlinks without following them, so a hostile tree cannot redirect the cleanup.</summary>
    private static void RemoveStaging(string staging)
    {
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
