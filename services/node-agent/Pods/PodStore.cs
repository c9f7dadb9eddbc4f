using System.Text.Json;
using Platform.Api.Model;
using Platform.Api.Serialization;
using Platform.Contracts;

namespace Platform.NodeAgent.Pods;

/// <summary>
/// What the agent keeps on disk per pod (`pods/&lt;uid&gt;/`): the StartPod it received, its last
/// reported status and report sequence, and the container logs. Files are replaced atomically.
/// </summary>
public sealed class PodStore(NodeAgentSettings settings)
{
    private const string PodFile = "pod.json";
    private const string StatusFile = "status.json";

    public sealed record StoredStatus(long Sequence, PodStatus Status);

    private string RemovedDirectory => Path.Combine(settings.DataDirectory, "removed-pods");

    public string PodDirectory(string uid) => Path.Combine(settings.PodsDirectory, Checked(uid));

    public string LogPath(string uid, string container) => Path.Combine(PodDirectory(uid), "logs", $"{container}.log");

    /// <summary>A container's own files: its bundle, writable layer and overlay work directory.</summary>
    public string ContainerDirectory(string uid, string container) => Path.Combine(PodDirectory(uid), "containers", container);

    public Task SavePodAsync(StartPod pod, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(Path.Combine(PodDirectory(pod.Uid), PodFile), pod, cancellationToken);

    public Task SaveStatusAsync(string uid, StoredStatus status, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(Path.Combine(PodDirectory(uid), StatusFile), status, cancellationToken);

    public IEnumerable<(StartPod Pod, StoredStatus? Status)> LoadAll()
    {
        if (!Directory.Exists(settings.PodsDirectory))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories(settings.PodsDirectory))
        {
            var pod = Read<StartPod>(Path.Combine(directory, PodFile));
            if (pod is not null)
            {
                yield return (pod, Read<StoredStatus>(Path.Combine(directory, StatusFile)));
            }
        }
    }

    /// <summary>Remembers that a pod was removed, so a late StartPod for it is not run.</summary>
    public async Task MarkRemovedAsync(string uid, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RemovedDirectory);
        await File.WriteAllTextAsync(Path.Combine(RemovedDirectory, Checked(uid)), string.Empty, cancellationToken);
    }

    public bool IsRemoved(string uid) => File.Exists(Path.Combine(RemovedDirectory, Checked(uid)));

    /// <summary>Uids name directories: only the GUIDs the control plane issues are accepted.</summary>
    public static bool IsValidUid(string uid) => Guid.TryParseExact(uid, "D", out _);

    private static string Checked(string uid) =>
        IsValidUid(uid) ? uid : throw new ArgumentException($"not a pod uid: {uid}", nameof(uid));

    public void Delete(string uid)
    {
        var directory = PodDirectory(uid);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static T? Read<T>(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize<T>(File.ReadAllText(path), ApiJson.Options) : default;

    private static async Task WriteAtomicallyAsync<T>(string path, T value, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
        {
            await JsonSerializer.SerializeAsync(file, value, ApiJson.Options, cancellationToken);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
