using Platform.Api.Model;
using Platform.NodeAgent.Pods;

namespace Platform.NodeAgent.Volumes;

/// <summary>
/// Named volumes of this node (`volumes/&lt;namespace&gt;/&lt;name&gt;/data`): created on first use by a pod,
/// kept after it, listed with their size and the pods that name them, removed only when no pod does.
/// Creation and removal share one lock, and a pod is on disk (pod.json) before its containers start,
/// so a volume is never removed under a pod that is starting with it.
/// </summary>
public sealed class NamedVolumeStore(NodeAgentSettings settings, PodStore pods)
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public enum RemoveOutcome
    {
        Removed,
        NotFound,
        InUse,
    }

    public string Root => Path.Combine(settings.DataDirectory, "volumes");

    /// <summary>The volume's data directory, created (open to every user, as Kubernetes' local volumes are) if missing.</summary>
    public async Task<string> EnsureAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var data = DataDirectory(@namespace, name);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!Directory.Exists(data))
            {
                Directory.CreateDirectory(data);
                FileModes.Set(data, FileModes.OpenToAllUsers);
            }

            return data;
        }
        finally
        {
            gate.Release();
        }
    }

    public IReadOnlyList<NamedVolume> List()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        var users = Users();
        return Directory.EnumerateDirectories(Root)
            .Where(ns => IsValidName(Path.GetFileName(ns)))
            .SelectMany(ns => Directory.EnumerateDirectories(ns).Select(volume => (Namespace: Path.GetFileName(ns), Name: Path.GetFileName(volume))))
            .Where(v => IsValidName(v.Name) && Directory.Exists(DataDirectory(v.Namespace, v.Name)))
            .OrderBy(v => v.Namespace, StringComparer.Ordinal).ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => Describe(v.Namespace, v.Name, users))
            .ToList();
    }

    public async Task<(RemoveOutcome Outcome, IReadOnlyList<string> Users)> RemoveAsync(string @namespace, string name, CancellationToken cancellationToken)
    {
        var directory = VolumeDirectory(@namespace, name);
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!Directory.Exists(directory))
            {
                return (RemoveOutcome.NotFound, []);
            }

            var users = Users().GetValueOrDefault((@namespace, name)) ?? [];
            if (users.Count > 0)
            {
                return (RemoveOutcome.InUse, users);
            }

            // Renamed away first: a crash in the middle leaves no half-removed volume under its name.
            var doomed = Path.Combine(Root, $".removing-{Guid.NewGuid():N}");
            Directory.Move(directory, doomed);
            Directory.Delete(doomed, recursive: true);
            return (RemoveOutcome.Removed, []);
        }
        finally
        {
            gate.Release();
        }
    }

    public static bool IsValidName(string name) => Platform.Api.Validation.Names.CheckSubdomain(name) is null;

    private NamedVolume Describe(string @namespace, string name, IReadOnlyDictionary<(string, string), List<string>> users) => new()
    {
        ApiVersion = NamedVolume.GroupVersion,
        Kind = NamedVolume.KindName,
        Metadata = new ObjectMeta
        {
            Namespace = @namespace,
            Name = name,
            CreationTimestamp = new DateTimeOffset(Directory.GetCreationTimeUtc(VolumeDirectory(@namespace, name)), TimeSpan.Zero),
        },
        Status = new NamedVolumeStatus
        {
            NodeName = settings.NodeName,
            SizeBytes = SizeOf(DataDirectory(@namespace, name)),
            Users = users.GetValueOrDefault((@namespace, name)) ?? [],
        },
    };

    /// <summary>Every pod on this node (running or finished, until it is deleted) by the volumes it claims.</summary>
    private Dictionary<(string Namespace, string Name), List<string>> Users()
    {
        var users = new Dictionary<(string, string), List<string>>();
        foreach (var (pod, _) in pods.LoadAll())
        {
            foreach (var claim in (pod.Spec.Volumes ?? []).Select(v => v.PersistentVolumeClaim?.ClaimName).OfType<string>().Distinct())
            {
                var key = (pod.Namespace, claim);
                if (!users.TryGetValue(key, out var list))
                {
                    users[key] = list = [];
                }

                list.Add($"{pod.Namespace}/{pod.Name}");
            }
        }

        return users;
    }

    /// <summary>Bytes of the regular files under the directory; symlinks are not followed.</summary>
    private static long SizeOf(string directory) =>
        new DirectoryInfo(directory)
            .EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Where(f => f.LinkTarget is null)
            .Sum(f => f.Length);

    private string VolumeDirectory(string @namespace, string name) =>
        IsValidName(@namespace) && IsValidName(name)
            ? Path.Combine(Root, @namespace, name)
            : throw new ArgumentException($"not a volume name: {@namespace}/{name}");

    private string DataDirectory(string @namespace, string name) => Path.Combine(VolumeDirectory(@namespace, name), "data");
}
