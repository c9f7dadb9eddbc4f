using Platform.Api.Model;
using Platform.Runtime.Spec;

namespace Platform.NodeAgent.Volumes;

/// <summary>
/// A container's volumeMounts as OCI mounts: recursive private binds of the prepared host paths (read-only
/// when the mount or the volume says so), parents before children, replacing a default mount at the same
/// place (an emptyDir at /dev/shm).
/// </summary>
public static class VolumeMountSpec
{
    public static List<SpecMount> Build(IReadOnlyList<VolumeMount>? mounts, IReadOnlyDictionary<string, PreparedVolume> volumes) =>
        (mounts ?? [])
            .OrderBy(m => Depth(m.MountPath!))
            .Select(m => Mount(m, volumes[m.Name!]))
            .ToList();

    /// <summary>The default mounts the volumes leave in place, then the volumes' own.</summary>
    public static List<SpecMount> Merge(IReadOnlyList<SpecMount>? defaults, IReadOnlyList<SpecMount> volumeMounts)
    {
        var taken = volumeMounts.Select(m => Normalize(m.Destination!)).ToHashSet(StringComparer.Ordinal);
        return [.. (defaults ?? []).Where(m => !taken.Contains(Normalize(m.Destination!))), .. volumeMounts];
    }

    private static SpecMount Mount(VolumeMount mount, PreparedVolume volume)
    {
        var source = string.IsNullOrEmpty(mount.SubPath) ? volume.HostPath : SubPaths.Resolve(volume.HostPath, mount.SubPath, mount.Name!);
        List<string> options = ["rbind", "rprivate"];
        if (mount.ReadOnly || volume.ReadOnly)
        {
            options.Add("ro");
        }

        return new SpecMount { Destination = Normalize(mount.MountPath!), Type = "bind", Source = source, Options = options };
    }

    private static int Depth(string path) => Normalize(path).Count(c => c == '/');

    private static string Normalize(string path) => "/" + string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries));
}
