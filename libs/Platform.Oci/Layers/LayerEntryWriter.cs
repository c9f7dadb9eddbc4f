using System.Formats.Tar;

namespace Platform.Oci.Layers;

/// <summary>Creates one accepted entry under the layer root and applies its owner, mode and time.</summary>
internal sealed class LayerEntryWriter(LayerRoot root)
{
    // Writing into a directory changes its mtime, so directory times are set after the last entry.
    private readonly List<(string Path, DateTimeOffset Time)> directoryTimes = [];

    public async Task WriteAsync(PlannedEntry planned, TarEntry entry, CancellationToken cancellationToken)
    {
        switch (planned.Kind)
        {
            case LayerEntryKind.Directory:
                WriteDirectory(planned.Path, entry);
                break;
            case LayerEntryKind.RegularFile:
                await WriteFileAsync(planned.Path, entry, cancellationToken);
                break;
            case LayerEntryKind.Symlink:
                WriteSymlink(planned, entry);
                break;
            case LayerEntryKind.HardLink:
                WriteHardLink(planned);
                break;
            case LayerEntryKind.Fifo:
                WriteNode(planned.Path, entry, LayerNodes.CreateFifo);
                break;
            case LayerEntryKind.Whiteout:
                WriteNode(planned.Path, entry, LayerNodes.CreateWhiteout, applyMode: false);
                break;
            case LayerEntryKind.OpaqueDirectory:
                MarkOpaque(planned.Path);
                break;
            case LayerEntryKind.Ignored:
                break;
        }
    }

    /// <summary>Sets the recorded directory times, deepest first so a parent's time is not disturbed afterwards.</summary>
    public void CompleteDirectories()
    {
        foreach (var (path, time) in directoryTimes.OrderByDescending(d => d.Path.Length))
        {
            using var parent = root.OpenDirectory(LayerPath.Parent(path), createMissing: false);
            LayerNodes.SetModificationTime(parent, path.Length == 0 ? "" : LayerPath.FileName(path), time, path);
        }
    }

    private void WriteDirectory(string path, TarEntry entry)
    {
        if (path.Length == 0)
        {
            ApplyToRoot(entry);
            return;
        }
        using var parent = root.OpenDirectory(LayerPath.Parent(path), createMissing: true);
        var name = LayerPath.FileName(path);
        if (!LayerNodes.ClearForEntry(root, parent, name, path, wantsDirectory: true))
        {
            LayerNodes.CreateDirectory(parent, name, path);
        }
        ApplyOwnerAndMode(parent, name, path, entry);
        directoryTimes.Add((path, entry.ModificationTime));
    }

    private void ApplyToRoot(TarEntry entry)
    {
        using var self = root.OpenDirectory("", createMissing: false);
        ApplyOwnerAndMode(self, ".", "", entry);
        directoryTimes.Add(("", entry.ModificationTime));
    }

    private async Task WriteFileAsync(string path, TarEntry entry, CancellationToken cancellationToken)
    {
        using var parent = root.OpenDirectory(LayerPath.Parent(path), createMissing: true);
        var name = LayerPath.FileName(path);
        LayerNodes.ClearForEntry(root, parent, name, path, wantsDirectory: false);
        await using (var file = LayerNodes.CreateFile(parent, name, path))
        {
            if (entry.DataStream is { } data)
            {
                await data.CopyToAsync(file, cancellationToken);
            }
        }
        ApplyOwnerAndMode(parent, name, path, entry);
        LayerNodes.SetModificationTime(parent, name, entry.ModificationTime, path);
    }

    private void WriteSymlink(PlannedEntry planned, TarEntry entry)
    {
        using var parent = root.OpenDirectory(LayerPath.Parent(planned.Path), createMissing: true);
        var name = LayerPath.FileName(planned.Path);
        LayerNodes.ClearForEntry(root, parent, name, planned.Path, wantsDirectory: false);
        LayerNodes.CreateSymlink(parent, name, planned.LinkTarget, planned.Path);
        LayerNodes.SetOwner(parent, name, entry.Uid, entry.Gid, planned.Path);
        LayerNodes.SetModificationTime(parent, name, entry.ModificationTime, planned.Path);
    }

    /// <summary>The target's parent is opened beneath the root without symlinks too, so a link can only join files of this layer.</summary>
    private void WriteHardLink(PlannedEntry planned)
    {
        using var targetParent = root.OpenDirectory(LayerPath.Parent(planned.LinkTarget), createMissing: false);
        using var parent = root.OpenDirectory(LayerPath.Parent(planned.Path), createMissing: true);
        var name = LayerPath.FileName(planned.Path);
        LayerNodes.ClearForEntry(root, parent, name, planned.Path, wantsDirectory: false);
        LayerNodes.CreateHardLink(targetParent, LayerPath.FileName(planned.LinkTarget), parent, name, planned.Path);
    }

    private void WriteNode(string path, TarEntry entry, Action<FileDescriptor, string, string> create, bool applyMode = true)
    {
        using var parent = root.OpenDirectory(LayerPath.Parent(path), createMissing: true);
        var name = LayerPath.FileName(path);
        LayerNodes.ClearForEntry(root, parent, name, path, wantsDirectory: false);
        create(parent, name, path);
        if (applyMode)
        {
            ApplyOwnerAndMode(parent, name, path, entry);
        }
        else
        {
            LayerNodes.SetOwner(parent, name, entry.Uid, entry.Gid, path);
        }
        LayerNodes.SetModificationTime(parent, name, entry.ModificationTime, path);
    }

    private void MarkOpaque(string directory)
    {
        // The directory may not have been listed yet: create it as an implied parent would be.
        root.OpenDirectory(directory, createMissing: true).Dispose();
        using var handle = root.OpenDirectoryForUpdate(directory);
        OverlayAttributes.Set(handle, OverlayAttributes.Opaque, "y", directory);
    }

    private static void ApplyOwnerAndMode(FileDescriptor parent, string name, string path, TarEntry entry)
    {
        LayerNodes.SetOwner(parent, name, entry.Uid, entry.Gid, path);
        LayerNodes.SetMode(parent, name, entry.Mode, path);
    }
}
