namespace Platform.Runtime.Init;

/// <summary>
/// Joins a container path onto the root filesystem without letting a symlink in the image redirect a
/// mount onto the host: every existing component must be a real directory inside the rootfs.
/// </summary>
public static class RootfsPaths
{
    public static string Join(string rootfs, string containerPath)
    {
        var relative = containerPath.TrimStart('/');
        var current = rootfs;
        foreach (var part in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "." or "..")
            {
                throw new RuntimeException($"path {containerPath} must not contain . or ..");
            }

            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.Exists || Directory.Exists(current))
            {
                if (info.LinkTarget is not null || new DirectoryInfo(current).LinkTarget is not null)
                {
                    throw new RuntimeException($"{containerPath} passes through a symlink in the root filesystem ({current})");
                }
            }
        }

        return current;
    }

    /// <summary>The destination without leading, trailing or doubled slashes: "/dev//shm/" is "dev/shm".</summary>
    public static string Relative(string containerPath) =>
        string.Join('/', containerPath.Split('/', StringSplitOptions.RemoveEmptyEntries));
}
