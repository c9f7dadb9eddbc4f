using Platform.Oci.Layers;
using Platform.Oci.References;

namespace Platform.Oci.Store;

/// <summary>
/// A node's content store under one root directory:
/// <c>blobs/sha256/HEX</c> holds verified blobs, <c>layers/sha256/DIFFID/</c> the unpacked layers
/// that every container from any image shares as overlay lower directories. Both appear only by an
/// atomic rename once complete, so a reader never sees half of one, and each is made at most once
/// at a time in this process.
/// </summary>
public sealed class LayerCache
{
    private const string TemporaryMarker = ".tmp-";

    private readonly LayerUnpacker unpacker;
    private readonly SingleFlight blobFlights = new();
    private readonly SingleFlight layerFlights = new();

    public LayerCache(string root, LayerUnpacker? unpacker = null)
    {
        Root = Path.GetFullPath(root);
        this.unpacker = unpacker ?? new LayerUnpacker();
        // Owner-only: unpacked layers hold setuid files and the owners' data before a container ever runs.
        Directory.CreateDirectory(Root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Root { get; }

    public string BlobPath(Digest digest) => Path.Combine(Root, "blobs", digest.Algorithm, digest.Hex);

    public string LayerDirectory(Digest diffId) => Path.Combine(Root, "layers", diffId.Algorithm, diffId.Hex);

    public bool HasBlob(Digest digest) => File.Exists(BlobPath(digest));

    public bool HasLayer(Digest diffId) => Directory.Exists(LayerDirectory(diffId));

    /// <summary>
    /// Makes sure the blob is present: <paramref name="download"/> writes it to the temporary path
    /// it is given (and verifies it); the file is then renamed into place.
    /// </summary>
    /// <returns>True when this call downloaded it.</returns>
    public async Task<bool> EnsureBlobAsync(Digest digest, Func<string, CancellationToken, Task> download, CancellationToken cancellationToken)
    {
        var path = BlobPath(digest);
        if (File.Exists(path))
        {
            return false;
        }
        return await blobFlights.RunAsync(digest.ToString(), async () =>
        {
            if (!File.Exists(path))
            {
                await DownloadIntoPlaceAsync(path, download, cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>Makes sure the layer with <paramref name="diffId"/> is unpacked, from the blob at <paramref name="blobPath"/> if it is not.</summary>
    /// <returns>True when this call unpacked it.</returns>
    public async Task<bool> EnsureLayerAsync(Digest diffId, string blobPath, CancellationToken cancellationToken)
    {
        var directory = LayerDirectory(diffId);
        if (Directory.Exists(directory))
        {
            return false;
        }
        var unpackedHere = false;
        await layerFlights.RunAsync(diffId.ToString(), async () =>
        {
            unpackedHere = !Directory.Exists(directory) && await UnpackAsync(diffId, blobPath, directory, cancellationToken);
        }, cancellationToken);
        return unpackedHere;
    }

    /// <summary>
    /// Removes what an interrupted download or unpack left behind. Call it when the node agent
    /// starts, before any pull: it would delete the work of a pull running at the same time.
    /// </summary>
    public void RemoveInterruptedWork()
    {
        // Temporaries sit beside the finished entries, one level under blobs/ALGORITHM and layers/ALGORITHM;
        // the layers' own trees are never walked.
        var parents = new[] { "blobs", "layers" }
            .Select(kind => Path.Combine(Root, kind))
            .Where(Directory.Exists)
            .SelectMany(Directory.EnumerateDirectories);
        foreach (var entry in parents.SelectMany(Directory.EnumerateFileSystemEntries).ToList())
        {
            RemoveIfInterrupted(entry);
        }
    }

    private async Task DownloadIntoPlaceAsync(string path, Func<string, CancellationToken, Task> download, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $"{TemporaryMarker}{Path.GetFileName(path)}-{Guid.NewGuid():N}");
        try
        {
            await download(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<bool> UnpackAsync(Digest diffId, string blobPath, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        await using var blob = new FileStream(blobPath, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, useAsync: true);
        try
        {
            await unpacker.UnpackAsync(blob, directory, diffId, cancellationToken);
            return true;
        }
        catch (IOException) when (Directory.Exists(directory))
        {
            // Another process on this node published the same layer first; its copy is as good as ours.
            return false;
        }
    }

    private static void RemoveIfInterrupted(string entry)
    {
        var name = Path.GetFileName(entry);
        if (name.StartsWith(TemporaryMarker, StringComparison.Ordinal) && File.Exists(entry))
        {
            File.Delete(entry);
        }
        else if (LayerUnpacker.IsStagingDirectory(name) && Directory.Exists(entry))
        {
            Directory.Delete(entry, recursive: true);
        }
    }
}
