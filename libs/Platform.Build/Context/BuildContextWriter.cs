using System.Formats.Tar;
using Platform.Build.Files;

namespace Platform.Build.Context;

/// <summary>
/// Writes a build context directory as a tar, the Dockerfile first, leaving out what
/// <c>.dockerignore</c> names. Symbolic links are sent as links and never followed, so nothing outside
/// the directory is read; sockets, devices and pipes are skipped. Entries are sorted.
/// </summary>
public static class BuildContextWriter
{
    public static async Task<ContextSummary> WriteAsync(string directory, string dockerfile, Stream output, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        var ignoreFile = Path.Combine(root, ContextTar.IgnoreFile);
        var ignore = File.Exists(ignoreFile) ? IgnorePatterns.Parse(await File.ReadAllTextAsync(ignoreFile, cancellationToken)) : IgnorePatterns.None;
        var summary = new ContextSummary();
        await using var tar = new TarWriter(output, TarEntryFormat.Pax, leaveOpen: true);
        var dockerfileEntry = new PaxTarEntry(TarEntryType.RegularFile, ContextTar.DockerfileEntry)
        {
            DataStream = new MemoryStream(await File.ReadAllBytesAsync(dockerfile, cancellationToken)),
            Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        await tar.WriteEntryAsync(dockerfileEntry, cancellationToken);
        await WriteDirectoryAsync(tar, root, string.Empty, ignore, summary, cancellationToken);
        return summary;
    }

    private static async Task WriteDirectoryAsync(TarWriter tar, string root, string relative, IgnorePatterns ignore, ContextSummary summary, CancellationToken cancellationToken)
    {
        var directory = relative.Length == 0 ? root : Path.Combine(root, relative);
        var names = Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var entryPath = relative.Length == 0 ? name! : $"{relative}/{name}";
            if (entryPath == ContextTar.DockerfileEntry)
            {
                throw new IOException($"the context may not contain a file named {ContextTar.DockerfileEntry}");
            }

            var info = new FileInfo(Path.Combine(root, entryPath));
            var ignored = ignore.IsIgnored(entryPath);
            if (info.LinkTarget is null && info.Attributes.HasFlag(FileAttributes.Directory))
            {
                // An ignored directory is still walked when a "!" pattern may bring back something inside it.
                if (!ignored)
                {
                    await tar.WriteEntryAsync(info.FullName, entryPath + "/", cancellationToken);
                    summary.Entries++;
                }

                if (!ignored || ignore.HasExceptions)
                {
                    await WriteDirectoryAsync(tar, root, entryPath, ignore, summary, cancellationToken);
                }
            }
            else if (!ignored && (info.LinkTarget is not null || IsRegularFile(info)))
            {
                await tar.WriteEntryAsync(info.FullName, entryPath, cancellationToken);
                summary.Entries++;
                summary.Bytes += info.LinkTarget is null ? info.Length : 0;
            }
        }
    }

    private static bool IsRegularFile(FileInfo info) => FileStatus.Lstat(info.FullName).IsRegularFile;
}

/// <summary>How much the context holds, for the CLI's "Sending build context" line.</summary>
public sealed class ContextSummary
{
    public int Entries { get; set; }

    public long Bytes { get; set; }
}
