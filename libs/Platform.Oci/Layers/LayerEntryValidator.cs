using System.Formats.Tar;

namespace Platform.Oci.Layers;

/// <summary>
/// Decides, entry by entry, what a layer's tar may create, and remembers what earlier entries of
/// the same layer created so that symlink and hard-link tricks are caught before anything touches
/// the disk. Pure logic with no I/O; the kernel-side resolution in <see cref="LayerRoot"/> enforces
/// the same rules again on the real tree.
/// </summary>
public sealed class LayerEntryValidator(LayerLimits limits)
{
    private const string WhiteoutPrefix = ".wh.";
    private const string WhiteoutMetaPrefix = ".wh..wh.";
    private const string OpaqueMarker = ".wh..wh..opq";

    private readonly HashSet<string> symlinks = new(StringComparer.Ordinal);
    private readonly HashSet<string> nonDirectories = new(StringComparer.Ordinal);
    private readonly HashSet<string> linkTargets = new(StringComparer.Ordinal);
    private readonly HashSet<string> directories = new(StringComparer.Ordinal);
    private long declaredBytes;

    public int EntryCount { get; private set; }

    public PlannedEntry Plan(LayerEntryHeader header)
    {
        CountEntry(header);
        if (header.Type is TarEntryType.GlobalExtendedAttributes)
        {
            return PlannedEntry.Ignored;
        }
        var path = LayerPath.Normalize(header.Name, limits);
        EnsureReachable(path, header.Name);
        var whiteout = PlanWhiteout(path, header);
        if (whiteout is not null)
        {
            return whiteout;
        }
        var planned = PlanByType(path, header);
        Record(planned);
        return planned;
    }

    private void CountEntry(LayerEntryHeader header)
    {
        if (++EntryCount > limits.MaxEntries)
        {
            throw new LayerRejectedException($"the layer has more than {limits.MaxEntries} entries");
        }
        declaredBytes += Math.Max(0, header.Length);
        if (declaredBytes > limits.MaxUnpackedBytes)
        {
            throw new LayerRejectedException($"the layer's files add up to more than {limits.MaxUnpackedBytes} bytes");
        }
    }

    /// <summary>Refuses a path whose parent is a symlink or a non-directory created earlier in this layer.</summary>
    private void EnsureReachable(string path, string name)
    {
        foreach (var ancestor in LayerPath.Ancestors(path))
        {
            if (symlinks.Contains(ancestor))
            {
                throw new LayerRejectedException($"entry '{LayerPath.Printable(name)}' goes through symlink '{LayerPath.Printable(ancestor)}'");
            }
            if (nonDirectories.Contains(ancestor))
            {
                throw new LayerRejectedException($"entry '{LayerPath.Printable(name)}' goes through non-directory '{LayerPath.Printable(ancestor)}'");
            }
        }
    }

    private PlannedEntry? PlanWhiteout(string path, LayerEntryHeader header)
    {
        var fileName = LayerPath.FileName(path);
        if (!fileName.StartsWith(WhiteoutPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        if (fileName == OpaqueMarker)
        {
            return new PlannedEntry(LayerEntryKind.OpaqueDirectory, LayerPath.Parent(path));
        }
        if (fileName.StartsWith(WhiteoutMetaPrefix, StringComparison.Ordinal))
        {
            // AUFS bookkeeping (.wh..wh.plnk, .wh..wh.aufs) that old Docker images carry; it means nothing to overlay.
            return PlannedEntry.Ignored;
        }
        var hidden = fileName[WhiteoutPrefix.Length..];
        if (hidden is "" or "." or ".." || header.Type is TarEntryType.Directory)
        {
            throw new LayerRejectedException($"entry '{LayerPath.Printable(header.Name)}' is not a valid whiteout");
        }
        var planned = new PlannedEntry(LayerEntryKind.Whiteout, LayerPath.Combine(LayerPath.Parent(path), hidden));
        Record(planned);
        return planned;
    }

    private PlannedEntry PlanByType(string path, LayerEntryHeader header)
    {
        var kind = header.Type switch
        {
            TarEntryType.Directory => LayerEntryKind.Directory,
            TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile => LayerEntryKind.RegularFile,
            TarEntryType.SymbolicLink => LayerEntryKind.Symlink,
            TarEntryType.HardLink => LayerEntryKind.HardLink,
            TarEntryType.Fifo => LayerEntryKind.Fifo,
            TarEntryType.BlockDevice or TarEntryType.CharacterDevice =>
                throw new LayerRejectedException($"entry '{LayerPath.Printable(header.Name)}' is a device node; layers may not create devices"),
            _ => throw new LayerRejectedException($"entry '{LayerPath.Printable(header.Name)}' has unsupported tar type {header.Type}"),
        };
        if (path.Length == 0 && kind != LayerEntryKind.Directory)
        {
            throw new LayerRejectedException($"entry '{LayerPath.Printable(header.Name)}' would replace the layer root with a {kind}");
        }
        return kind switch
        {
            LayerEntryKind.Symlink => PlanSymlink(path, header),
            LayerEntryKind.HardLink => PlanHardLink(path, header),
            _ => new PlannedEntry(kind, path),
        };
    }

    /// <summary>A symlink's target is stored as written: it is resolved only inside the container, never on the host.</summary>
    private static PlannedEntry PlanSymlink(string path, LayerEntryHeader header)
    {
        if (header.LinkName.Length == 0 || header.LinkName.Contains('\0'))
        {
            throw new LayerRejectedException($"symlink '{LayerPath.Printable(header.Name)}' has an empty or invalid target");
        }
        return new PlannedEntry(LayerEntryKind.Symlink, path, header.LinkName);
    }

    /// <summary>A hard link may only point at a file this same layer created, reached without symlinks.</summary>
    private PlannedEntry PlanHardLink(string path, LayerEntryHeader header)
    {
        var target = LayerPath.Normalize(header.LinkName, limits);
        EnsureReachable(target, header.LinkName);
        if (!linkTargets.Contains(target))
        {
            throw new LayerRejectedException(
                $"hard link '{LayerPath.Printable(header.Name)}' points at '{LayerPath.Printable(header.LinkName)}', which is not a file of this layer");
        }
        return new PlannedEntry(LayerEntryKind.HardLink, path, target);
    }

    /// <summary>Notes what now exists at the entry's path, forgetting whatever an earlier entry put there.</summary>
    private void Record(PlannedEntry entry)
    {
        Forget(entry.Path, entry.Kind == LayerEntryKind.Directory);
        foreach (var ancestor in LayerPath.Ancestors(entry.Path))
        {
            directories.Add(ancestor);
        }
        switch (entry.Kind)
        {
            case LayerEntryKind.Directory:
                directories.Add(entry.Path);
                break;
            case LayerEntryKind.Symlink:
                symlinks.Add(entry.Path);
                linkTargets.Add(entry.Path);
                break;
            case LayerEntryKind.RegularFile or LayerEntryKind.HardLink or LayerEntryKind.Fifo:
                nonDirectories.Add(entry.Path);
                linkTargets.Add(entry.Path);
                break;
            case LayerEntryKind.Whiteout:
                nonDirectories.Add(entry.Path);
                break;
        }
    }

    private void Forget(string path, bool keepsDirectory)
    {
        symlinks.Remove(path);
        nonDirectories.Remove(path);
        linkTargets.Remove(path);
        // Only a directory replaced by a non-directory takes its contents with it; sweeping on every
        // entry would make a large layer quadratic.
        if (keepsDirectory || !directories.Remove(path))
        {
            return;
        }
        var prefix = path + "/";
        foreach (var set in new[] { symlinks, nonDirectories, linkTargets, directories })
        {
            set.RemoveWhere(p => p.StartsWith(prefix, StringComparison.Ordinal));
        }
    }
}
