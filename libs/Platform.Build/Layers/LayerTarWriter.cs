using System.Formats.Tar;
using Platform.Build.Files;
using Platform.Oci.Layers;
using Platform.Oci.References;

namespace Platform.Build.Layers;

/// <summary>
/// Turns a step's overlay upper directory into an OCI layer tar that depends only on the files:
/// entries sorted by name, every time set to the epoch, owners and modes kept, hard links kept as
/// links. overlayfs deletions (0/0 character devices) become <c>.wh.NAME</c> whiteouts and opaque
/// directories get <c>.wh..wh..opq</c>, as the image spec says. The tar is written uncompressed: its
/// digest is the layer's diff ID and its blob digest at once.
/// </summary>
public static class LayerTarWriter
{
    public const string WhiteoutPrefix = ".wh.";
    public const string OpaqueMarker = ".wh..wh..opq";

    private const int EmptyArchiveBytes = 1024;

    private static readonly DateTimeOffset Epoch = DateTimeOffset.UnixEpoch;

    /// <summary>Writes the layer of <paramref name="upper"/> to <paramref name="destination"/>; <paramref name="exclude"/> names top-level paths left out.</summary>
    public static async Task<WrittenLayer> WriteAsync(string upper, string destination, Func<string, bool>? exclude, CancellationToken cancellationToken)
    {
        using var hasher = DigestHasher.Create();
        await using (var file = new FileStream(destination, FileMode.CreateNew, FileAccess.Write, FileShare.None, 128 * 1024, useAsync: true))
        await using (var hashing = new HashingWriteStream(file, hasher))
        {
            await using (var tar = new TarWriter(hashing, TarEntryFormat.Gnu, leaveOpen: true))
            {
                await WriteDirectoryAsync(new WalkState(tar, exclude ?? (_ => false)), upper, string.Empty, cancellationToken);
            }

            if (file.Length == 0)
            {
                // TarWriter writes no end-of-archive blocks when it wrote no entry; an empty layer still needs them.
                await hashing.WriteAsync(new byte[EmptyArchiveBytes], cancellationToken);
            }
        }

        var digest = hasher.Complete();
        return new WrittenLayer(destination, digest, new FileInfo(destination).Length);
    }

    private static async Task WriteDirectoryAsync(WalkState state, string directory, string relative, CancellationToken cancellationToken)
    {
        var names = Directory.EnumerateFileSystemEntries(directory).Select(p => Path.GetFileName(p)!).Order(StringComparer.Ordinal).ToList();
        if (relative.Length > 0 && OverlayAttributes.Read(directory, OverlayAttributes.Opaque) == "y")
        {
            await state.Tar.WriteEntryAsync(Entry(TarEntryType.RegularFile, $"{relative}/{OpaqueMarker}", 0, 0, default), cancellationToken);
        }

        foreach (var name in names)
        {
            var path = Path.Combine(directory, name);
            var entryName = relative.Length == 0 ? name : $"{relative}/{name}";
            if (relative.Length == 0 && state.Exclude(name))
            {
                continue;
            }

            await WriteEntryAsync(state, path, entryName, cancellationToken);
        }
    }

    private static async Task WriteEntryAsync(WalkState state, string path, string name, CancellationToken cancellationToken)
    {
        var status = FileStatus.Lstat(path);
        if (status.IsWhiteout)
        {
            var slash = name.LastIndexOf('/');
            var whiteout = slash < 0 ? WhiteoutPrefix + name : $"{name[..(slash + 1)]}{WhiteoutPrefix}{name[(slash + 1)..]}";
            await state.Tar.WriteEntryAsync(Entry(TarEntryType.RegularFile, whiteout, 0, 0, default), cancellationToken);
        }
        else if (status.IsDirectory)
        {
            await state.Tar.WriteEntryAsync(Entry(TarEntryType.Directory, name + "/", status.Uid, status.Gid, status.Permissions), cancellationToken);
            await WriteDirectoryAsync(state, path, name, cancellationToken);
        }
        else if (status.IsSymbolicLink)
        {
            var link = Entry(TarEntryType.SymbolicLink, name, status.Uid, status.Gid, status.Permissions);
            link.LinkName = new FileInfo(path).LinkTarget ?? string.Empty;
            await state.Tar.WriteEntryAsync(link, cancellationToken);
        }
        else if (status.IsRegularFile)
        {
            await WriteFileAsync(state, path, name, status, cancellationToken);
        }

        // Sockets, fifos and devices a step left behind are not part of an image layer.
    }

    private static async Task WriteFileAsync(WalkState state, string path, string name, FileStatus status, CancellationToken cancellationToken)
    {
        if (status.Links > 1)
        {
            if (state.HardLinks.TryGetValue((status.Device, status.Inode), out var first))
            {
                var hardLink = Entry(TarEntryType.HardLink, name, status.Uid, status.Gid, status.Permissions);
                hardLink.LinkName = first;
                await state.Tar.WriteEntryAsync(hardLink, cancellationToken);
                return;
            }

            state.HardLinks[(status.Device, status.Inode)] = name;
        }

        var entry = Entry(TarEntryType.RegularFile, name, status.Uid, status.Gid, status.Permissions);
        await using var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, useAsync: true);
        entry.DataStream = content;
        await state.Tar.WriteEntryAsync(entry, cancellationToken);
    }

    private static GnuTarEntry Entry(TarEntryType type, string name, uint uid, uint gid, UnixFileMode mode) => new(type, name)
    {
        Uid = (int)uid,
        Gid = (int)gid,
        Mode = mode,
        ModificationTime = Epoch,
        AccessTime = Epoch,
        ChangeTime = Epoch,
        UserName = string.Empty,
        GroupName = string.Empty,
    };

    private sealed record WalkState(TarWriter Tar, Func<string, bool> Exclude)
    {
        public Dictionary<(ulong Device, ulong Inode), string> HardLinks { get; } = [];
    }
}

/// <summary>A layer tar on disk: its digest (diff ID and blob digest, as it is not compressed) and size.</summary>
public sealed record WrittenLayer(string Path, Digest Digest, long Size);
