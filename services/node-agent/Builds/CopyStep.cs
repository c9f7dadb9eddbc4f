using System.Globalization;
using Platform.Build.Files;
using Platform.Oci.Layers;

namespace Platform.NodeAgent.Builds;

/// <summary>
/// COPY and ADD into the mounted image filesystem. Every destination is resolved inside the image's
/// root (its symbolic links followed as if chrooted), an existing file or link at the target is
/// removed before writing (never written through), owners are root or <c>--chown</c>, modes are the
/// source's or <c>--chmod</c>. ADD extracts a local tar archive (plain, gzip or zstd) into the
/// destination, through the same hostile-input checks as image layers.
/// </summary>
public sealed class CopyStep
{
    private readonly string rootfs;
    private readonly uint uid;
    private readonly uint gid;
    private readonly bool chown;
    private readonly UnixFileMode? chmod;

    public CopyStep(string rootfs, string? chownSpec, string? chmodSpec)
    {
        this.rootfs = rootfs;
        chown = chownSpec is not null;
        (uid, gid) = chownSpec is null ? (0u, 0u) : RunStep.ResolveUser(chownSpec, rootfs);
        chmod = chmodSpec is null ? null
            : int.TryParse(chmodSpec, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? (UnixFileMode)Convert.ToInt32(chmodSpec, 8)
            : throw new BuildFailedException($"invalid --chmod \"{chmodSpec}\": an octal mode is expected");
    }

    /// <summary>Copies the sources to <paramref name="destination"/> (absolute in the image), with Docker's rules for when it is a directory.</summary>
    public async Task CopyAsync(IReadOnlyList<CopySource> sources, string destination, bool extractArchives, string scratch, CancellationToken cancellationToken)
    {
        var intoDirectory = destination.EndsWith('/') || sources.Count > 1 || IsDirectory(destination);
        foreach (var source in sources)
        {
            if (source.IsDirectory)
            {
                // A directory's contents are copied, not the directory itself.
                EnsureDirectory(destination);
                CopyChildren(source.HostPath, destination);
            }
            else if (extractArchives && await IsArchiveAsync(source.HostPath, cancellationToken))
            {
                await ExtractAsync(source.HostPath, destination, scratch, cancellationToken);
            }
            else
            {
                var target = intoDirectory ? $"{destination.TrimEnd('/')}/{Path.GetFileName(source.RelativePath)}" : destination;
                CopyEntry(source.HostPath, target);
            }
        }
    }

    private void CopyChildren(string hostDirectory, string imageDirectory)
    {
        foreach (var child in Directory.EnumerateFileSystemEntries(hostDirectory).Order(StringComparer.Ordinal))
        {
            CopyEntry(child, $"{imageDirectory.TrimEnd('/')}/{Path.GetFileName(child)}");
        }
    }

    private void CopyEntry(string hostPath, string imagePath)
    {
        var status = FileStatus.Lstat(hostPath);
        if (status.IsDirectory)
        {
            EnsureDirectory(imagePath, status.Permissions, preserveOwner: status);
            CopyChildren(hostPath, imagePath);
            return;
        }

        var target = PrepareTarget(imagePath);
        if (status.IsSymbolicLink)
        {
            File.CreateSymbolicLink(target, new FileInfo(hostPath).LinkTarget!);
        }
        else if (status.IsRegularFile)
        {
            File.Copy(hostPath, target);
            SetMode(target, chmod ?? status.Permissions);
        }
        else
        {
            return;
        }

        SetOwner(target, status);
    }

    /// <summary>The host path to create <paramref name="imagePath"/> at: its parent resolved inside the image, whatever was there removed.</summary>
    private string PrepareTarget(string imagePath)
    {
        var parent = EnsureDirectory(ParentOf(imagePath));
        var target = Path.Combine(parent, NameOf(imagePath));
        if (FileStatus.TryLstat(target) is { } existing)
        {
            if (existing.IsDirectory)
            {
                Directory.Delete(target, recursive: true);
            }
            else
            {
                File.Delete(target);
            }
        }

        return target;
    }

    /// <summary>Makes sure the directory exists in the image (missing parents 0755 root), returning its host path.</summary>
    private string EnsureDirectory(string imagePath, UnixFileMode? mode = null, FileStatus? preserveOwner = null)
    {
        var host = RootedPath.Resolve(rootfs, imagePath);
        if (FileStatus.TryLstat(host) is { IsDirectory: true })
        {
            return host;
        }

        if (imagePath.Trim('/').Length > 0)
        {
            EnsureDirectory(ParentOf(imagePath));
            host = PrepareTarget(imagePath);
        }

        Directory.CreateDirectory(host);
        SetMode(host, chmod ?? mode ?? (UnixFileMode)0x1ED);
        if (preserveOwner is not null || chown)
        {
            SetOwner(host, preserveOwner);
        }

        return host;
    }

    private void SetOwner(string path, FileStatus? source)
    {
        // COPY makes everything root's unless --chown; ADD's archive entries keep the owners they had.
        var (owner, group) = chown || source is null ? (uid, gid) : (0u, 0u);
        FileOwner.Set(path, owner, group);
    }

    private bool IsDirectory(string imagePath) => FileStatus.TryLstat(RootedPath.Resolve(rootfs, imagePath)) is { IsDirectory: true };

    private async Task ExtractAsync(string archive, string destination, string scratch, CancellationToken cancellationToken)
    {
        var unpacked = Path.Combine(scratch, "archive-" + Guid.NewGuid().ToString("N"));
        await using (var stream = File.OpenRead(archive))
        {
            await new LayerUnpacker().UnpackAsync(stream, unpacked, null, cancellationToken);
        }

        EnsureDirectory(destination);
        foreach (var child in Directory.EnumerateFileSystemEntries(unpacked).Order(StringComparer.Ordinal))
        {
            CopyArchiveEntry(child, $"{destination.TrimEnd('/')}/{Path.GetFileName(child)}");
        }

        Directory.Delete(unpacked, recursive: true);
    }

    /// <summary>Archive entries keep their owners and modes (unless --chown/--chmod).</summary>
    private void CopyArchiveEntry(string hostPath, string imagePath)
    {
        var status = FileStatus.Lstat(hostPath);
        if (status.IsDirectory)
        {
            var host = EnsureDirectory(imagePath, status.Permissions);
            FileOwner.Set(host, chown ? uid : status.Uid, chown ? gid : status.Gid);
            foreach (var child in Directory.EnumerateFileSystemEntries(hostPath).Order(StringComparer.Ordinal))
            {
                CopyArchiveEntry(child, $"{imagePath}/{Path.GetFileName(child)}");
            }

            return;
        }

        var target = PrepareTarget(imagePath);
        if (status.IsSymbolicLink)
        {
            File.CreateSymbolicLink(target, new FileInfo(hostPath).LinkTarget!);
        }
        else if (status.IsRegularFile)
        {
            File.Copy(hostPath, target);
            SetMode(target, chmod ?? status.Permissions);
        }
        else
        {
            return;
        }

        FileOwner.Set(target, chown ? uid : status.Uid, chown ? gid : status.Gid);
    }

    private static async Task<bool> IsArchiveAsync(string path, CancellationToken cancellationToken)
    {
        var header = new byte[265];
        await using var file = File.OpenRead(path);
        var read = await file.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        var gzip = read >= 2 && header[0] == 0x1f && header[1] == 0x8b;
        var zstd = read >= 4 && header[0] == 0x28 && header[1] == 0xb5 && header[2] == 0x2f && header[3] == 0xfd;
        var tar = read >= 262 && header.AsSpan(257, 5).SequenceEqual("ustar"u8);
        return gzip || zstd || tar;
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static string ParentOf(string imagePath)
    {
        var trimmed = imagePath.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash <= 0 ? "/" : trimmed[..slash];
    }

    private static string NameOf(string imagePath) => imagePath.TrimEnd('/')[(imagePath.TrimEnd('/').LastIndexOf('/') + 1)..];
}
