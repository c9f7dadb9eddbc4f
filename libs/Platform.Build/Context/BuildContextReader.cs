using System.Formats.Tar;
using System.Text;

namespace Platform.Build.Context;

/// <summary>
/// Unpacks a context tar sent by a client into an empty directory, refusing anything that could land
/// outside it: absolute names, <c>..</c>, an entry under a symbolic link of the same tar, hard links,
/// devices. Returns the Dockerfile (the first entry). Limits bound what a client can make the node store.
/// </summary>
public static class BuildContextReader
{
    public const long MaxBytes = 4L * 1024 * 1024 * 1024;

    public const int MaxEntries = 1_000_000;

    public static async Task<string> ExtractAsync(Stream input, string directory, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        Directory.CreateDirectory(root);
        await using var tar = new TarReader(input, leaveOpen: true);
        var first = await tar.GetNextEntryAsync(copyData: false, cancellationToken);
        if (first is null || first.Name != ContextTar.DockerfileEntry || first.DataStream is null)
        {
            throw new InvalidDataException($"the build context must start with the Dockerfile entry {ContextTar.DockerfileEntry}");
        }

        using var dockerfileReader = new StreamReader(first.DataStream, Encoding.UTF8);
        var dockerfile = await dockerfileReader.ReadToEndAsync(cancellationToken);
        var links = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        var entries = 0;
        while (await tar.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            if (++entries > MaxEntries || (bytes += entry.Length) > MaxBytes)
            {
                throw new InvalidDataException($"the build context is larger than {MaxEntries} entries or {MaxBytes} bytes");
            }

            var relative = ContextPath(entry.Name, links);
            var path = Path.Combine(root, relative);
            await WriteEntryAsync(entry, path, relative, links, cancellationToken);
        }

        return dockerfile;
    }

    /// <summary>The entry's path relative to the context, or an error when it would leave it.</summary>
    internal static string ContextPath(string name, IReadOnlySet<string> links)
    {
        var trimmed = name.TrimEnd('/');
        var parts = trimmed.Split('/');
        if (trimmed.Length == 0 || name.StartsWith('/') || parts.Any(p => p is "" or "." or ".."))
        {
            throw new InvalidDataException($"context entry \"{name}\" is outside the build context");
        }

        for (var i = 1; i < parts.Length; i++)
        {
            if (links.Contains(string.Join('/', parts[..i])))
            {
                throw new InvalidDataException($"context entry \"{name}\" is under a symbolic link");
            }
        }

        return trimmed;
    }

    private static async Task WriteEntryAsync(TarEntry entry, string path, string relative, HashSet<string> links, CancellationToken cancellationToken)
    {
        var mode = entry.Mode & (UnixFileMode)0x1FF;
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(path);
                SetMode(path, mode | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.UserRead);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    if (entry.DataStream is not null)
                    {
                        await entry.DataStream.CopyToAsync(file, cancellationToken);
                    }
                }

                SetMode(path, mode);
                break;
            case TarEntryType.SymbolicLink:
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.CreateSymbolicLink(path, entry.LinkName);
                links.Add(relative);
                break;
            default:
                throw new InvalidDataException($"context entry \"{entry.Name}\" is a {entry.EntryType}; only files, directories and symbolic links are accepted");
        }
    }

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }
}
