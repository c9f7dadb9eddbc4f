using System.Security.Cryptography;
using System.Text;
using Platform.Build.Files;

namespace Platform.NodeAgent.Builds;

/// <summary>One source of a COPY or ADD after glob matching: its host path and its name relative to the source root.</summary>
public sealed record CopySource(string HostPath, string RelativePath, bool IsDirectory);

/// <summary>
/// Finds the sources of COPY and ADD inside a root (the context, or another stage's filesystem) and
/// digests their content and metadata for the cache key. A source that leaves the root is refused,
/// whether by <c>..</c> or through a symbolic link.
/// </summary>
public static class CopySources
{
    public static List<CopySource> Match(string root, IEnumerable<string> sources, string keyword)
    {
        var matches = new List<CopySource>();
        foreach (var source in sources)
        {
            if (source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                throw new BuildFailedException($"{keyword} failed: {source}: sources from URLs are not supported by this builder");
            }

            var relative = RootedPath.CleanRelative(source)
                ?? throw new BuildFailedException($"{keyword} failed: forbidden path outside the build context: {source}");
            var found = PathGlob.IsPattern(relative) ? PathGlob.Match(root, relative) : [relative];
            foreach (var path in found)
            {
                var host = RootedPath.Resolve(root, path);
                var status = FileStatus.TryLstat(host)
                    ?? throw new BuildFailedException($"{keyword} failed: file not found in build context or excluded by .dockerignore: stat {source}: no such file or directory");
                matches.Add(new CopySource(host, path, status.IsDirectory));
            }

            if (found.Count == 0)
            {
                throw new BuildFailedException($"{keyword} failed: no source files were specified: {source} matches nothing");
            }
        }

        return matches;
    }

    /// <summary>Path → digest of content, mode, owner and link target of every file the sources hold (times left out).</summary>
    public static SortedDictionary<string, string> Digest(IEnumerable<CopySource> sources)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            Add(source.HostPath, source.RelativePath, digests);
        }

        return digests;
    }

    /// <summary>One digest over all of them: what the cache key includes.</summary>
    public static string Combine(IReadOnlyDictionary<string, string> digests)
    {
        var text = new StringBuilder();
        foreach (var (path, digest) in digests)
        {
            text.Append(path).Append('\0').Append(digest).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void Add(string hostPath, string name, SortedDictionary<string, string> digests)
    {
        var status = FileStatus.Lstat(hostPath);
        var metadata = $"{status.Mode:x}:{status.Uid}:{status.Gid}";
        if (status.IsDirectory)
        {
            digests[name + "/"] = metadata;
            foreach (var child in Directory.EnumerateFileSystemEntries(hostPath).Order(StringComparer.Ordinal))
            {
                Add(child, $"{name}/{Path.GetFileName(child)}", digests);
            }
        }
        else if (status.IsSymbolicLink)
        {
            digests[name] = $"{metadata}:{new FileInfo(hostPath).LinkTarget}";
        }
        else
        {
            using var file = File.OpenRead(hostPath);
            digests[name] = $"{metadata}:{Convert.ToHexStringLower(SHA256.HashData(file))}";
        }
    }
}
