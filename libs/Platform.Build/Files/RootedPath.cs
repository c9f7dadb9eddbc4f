namespace Platform.Build.Files;

/// <summary>
/// Resolves a path inside a root directory as if the root were <c>/</c> (chroot semantics): symbolic
/// links are followed but an absolute target or <c>..</c> can never climb above the root. Used for COPY
/// sources in the context and destinations in the image's filesystem, so neither can reach the host.
/// Nothing else writes to these trees while a step resolves them.
/// </summary>
public static class RootedPath
{
    private const int MaxLinks = 40;

    /// <summary>The host path for <paramref name="path"/> under <paramref name="root"/>; the last component is followed when <paramref name="followLast"/>.</summary>
    public static string Resolve(string root, string path, bool followLast = true)
    {
        var resolved = new List<string>();
        var pending = new Stack<string>(Split(path).Reverse());
        var links = 0;
        while (pending.TryPop(out var part))
        {
            if (part == "..")
            {
                if (resolved.Count > 0)
                {
                    resolved.RemoveAt(resolved.Count - 1);
                }

                continue;
            }

            var candidate = Path.Combine(root, Path.Combine([.. resolved, part]));
            var isLast = pending.Count == 0;
            var status = FileStatus.TryLstat(candidate);
            if (status is { IsSymbolicLink: true } && (!isLast || followLast))
            {
                if (++links > MaxLinks)
                {
                    throw new IOException($"too many levels of symbolic links resolving {path}");
                }

                var target = new FileInfo(candidate).LinkTarget ?? string.Empty;
                if (target.StartsWith('/'))
                {
                    resolved.Clear();
                }

                foreach (var next in Split(target).Reverse())
                {
                    pending.Push(next);
                }

                continue;
            }

            resolved.Add(part);
        }

        return resolved.Count == 0 ? root : Path.Combine(root, Path.Combine([.. resolved]));
    }

    /// <summary>Lexical clean of a path relative to a root: null when <c>..</c> would climb above it.</summary>
    public static string? CleanRelative(string path)
    {
        var parts = new List<string>();
        foreach (var part in Split(path))
        {
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    private static IEnumerable<string> Split(string path) => path.Split('/').Where(p => p is not ("" or "."));
}
