namespace Platform.Api.Model;

/// <summary>A volume of a pod (`spec.volumes[]`): a name and exactly one source.</summary>
public sealed class Volume
{
    public string? Name { get; set; }
    public EmptyDirVolumeSource? EmptyDir { get; set; }
    public HostPathVolumeSource? HostPath { get; set; }

    /// <summary>A node-local named volume, created on first use, that outlives the pods using it (Docker's named volumes).</summary>
    public PersistentVolumeClaimVolumeSource? PersistentVolumeClaim { get; set; }
}

/// <summary>A directory that lives as long as the pod: on the node's disk, or a tmpfs when the medium is "Memory".</summary>
public sealed class EmptyDirVolumeSource
{
    public string? Medium { get; set; }
    public string? SizeLimit { get; set; }
}

/// <summary>A file or directory of the node, bind-mounted into the containers.</summary>
public sealed class HostPathVolumeSource
{
    public string? Path { get; set; }
    public string? Type { get; set; }
}

public sealed class PersistentVolumeClaimVolumeSource
{
    public string? ClaimName { get; set; }
    public bool ReadOnly { get; set; }
}

/// <summary>Where a container sees one of its pod's volumes (`containers[].volumeMounts[]`).</summary>
public sealed class VolumeMount
{
    public string? Name { get; set; }
    public string? MountPath { get; set; }
    public bool ReadOnly { get; set; }
    public string? SubPath { get; set; }
}

/// <summary>The emptyDir media: the node's disk ("") or memory (a tmpfs).</summary>
public static class StorageMedia
{
    public const string Default = "";
    public const string Memory = "Memory";
    public static readonly IReadOnlyList<string> All = [Default, Memory];
}

/// <summary>The hostPath types this platform checks, with Kubernetes' meaning.</summary>
public static class HostPathTypes
{
    public const string Unset = "";
    public const string DirectoryOrCreate = "DirectoryOrCreate";
    public const string Directory = "Directory";
    public const string FileOrCreate = "FileOrCreate";
    public const string File = "File";
    public static readonly IReadOnlyList<string> All = [Unset, DirectoryOrCreate, Directory, FileOrCreate, File];
}
