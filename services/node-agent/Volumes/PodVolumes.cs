using Platform.Api.Model;
using Platform.NodeAgent.Pods;
using Platform.NodeAgent.Runtime;

namespace Platform.NodeAgent.Volumes;

/// <summary>
/// Makes a pod's volumes ready on the node before a container mounts them, and removes what the pod
/// owned when it goes: emptyDirs live in `pods/&lt;uid&gt;/volumes/&lt;name&gt;` (a tmpfs mounted there for
/// medium Memory), hostPaths are checked by type, named volumes come from <see cref="NamedVolumeStore"/>.
/// Preparing is idempotent, so every container start (and restart) of the pod can ask again.
/// </summary>
public sealed partial class PodVolumes(PodStore store, NamedVolumeStore namedVolumes, ILogger<PodVolumes> logger)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public string VolumesDirectory(string podUid) => Path.Combine(store.PodDirectory(podUid), "volumes");

    public async Task<IReadOnlyDictionary<string, PreparedVolume>> PrepareAsync(string @namespace, string podUid, PodSpec spec, IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.ToHashSet();
        var prepared = new Dictionary<string, PreparedVolume>();
        await gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var volume in (spec.Volumes ?? []).Where(v => wanted.Contains(v.Name!)))
            {
                prepared[volume.Name!] = await PrepareAsync(@namespace, podUid, volume, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }

        return prepared;
    }

    /// <summary>Unmounts the pod's memory-backed emptyDirs, so that deleting the pod's directory removes only its own files.</summary>
    public void TearDown(string podUid)
    {
        var directory = VolumesDirectory(podUid);
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var volume in Directory.EnumerateDirectories(directory))
        {
            TmpfsMount.Unmount(volume);
            if (TmpfsMount.IsMounted(volume))
            {
                throw new IOException($"{volume} is still mounted; leaving the pod's files in place");
            }
        }

        LogTornDown(podUid);
    }

    private async Task<PreparedVolume> PrepareAsync(string @namespace, string podUid, Volume volume, CancellationToken cancellationToken)
    {
        if (volume.EmptyDir is { } emptyDir)
        {
            return new PreparedVolume(PrepareEmptyDir(podUid, volume.Name!, emptyDir), ReadOnly: false);
        }

        if (volume.HostPath is { } hostPath)
        {
            HostPathCheck.Apply(volume.Name!, hostPath);
            return new PreparedVolume(hostPath.Path!, ReadOnly: false);
        }

        var claim = volume.PersistentVolumeClaim!;
        return new PreparedVolume(await namedVolumes.EnsureAsync(@namespace, claim.ClaimName!, cancellationToken), claim.ReadOnly);
    }

    private string PrepareEmptyDir(string podUid, string name, EmptyDirVolumeSource emptyDir)
    {
        var path = Path.Combine(VolumesDirectory(podUid), name);
        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            FileModes.Set(path, FileModes.OpenToAllUsers);
        }

        if (emptyDir.Medium == StorageMedia.Memory && !TmpfsMount.IsMounted(path))
        {
            TmpfsMount.Mount(path, SizeLimit(emptyDir.SizeLimit), name);
            LogTmpfsMounted(podUid, name, emptyDir.SizeLimit ?? "half the node's memory");
        }

        return path;
    }

    private static long? SizeLimit(string? sizeLimit) =>
        sizeLimit is not null && Platform.Api.Model.Quantity.TryParse(sizeLimit, out var bytes) ? Platform.Api.Model.Quantity.ToWhole(bytes) : null;

    [LoggerMessage(LogLevel.Information, "Pod {Uid}: emptyDir {Volume} is a tmpfs of {Size}")]
    private partial void LogTmpfsMounted(string uid, string volume, string size);

    [LoggerMessage(LogLevel.Debug, "Pod {Uid}: volumes torn down")]
    private partial void LogTornDown(string uid);
}
