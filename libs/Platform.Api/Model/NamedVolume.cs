namespace Platform.Api.Model;

/// <summary>
/// A node-local named volume (platform.io/v1 Volume): what a pod's persistentVolumeClaim names, created
/// on first use and kept until removed. Served by each node agent; the gateway lists them all.
/// </summary>
public sealed class NamedVolume : TypeMeta
{
    public const string KindName = "Volume";
    public const string GroupVersion = "platform.io/v1";

    public ObjectMeta Metadata { get; set; } = new();
    public NamedVolumeStatus Status { get; set; } = new();
}

public sealed class NamedVolumeStatus
{
    public string? NodeName { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>The pods on the node that name the volume ("namespace/name"); removal is refused while there are any.</summary>
    public List<string> Users { get; set; } = [];
}
