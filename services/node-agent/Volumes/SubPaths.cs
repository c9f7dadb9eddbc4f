namespace Platform.NodeAgent.Volumes;

/// <summary>
/// A volumeMount's subPath inside its volume. Missing directories are created, as the kubelet does; a
/// component that is a symlink is refused, since a container could have planted it to reach the host
/// (Kubernetes' CVE-2017-1002101).
/// </summary>
public static class SubPaths
{

    public static string Resolve(string volumeRoot, string subPath, string volumeName)
    {
        var current = volumeRoot;
        foreach (var part in subPath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "." or "..")
            {
                throw HostPathCheck.Failed(volumeName, $"subPath \"{subPath}\" must not contain '..'");
            }

            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is not null)
            {
                throw HostPathCheck.Failed(volumeName, $"subPath \"{subPath}\" passes through a symlink ({part})");
            }

            if (!info.Exists && !Directory.Exists(current))
            {
                Directory.CreateDirectory(current);
                FileModes.Set(current, FileModes.OpenToAllUsers);
            }
        }

        return current;
    }
}
