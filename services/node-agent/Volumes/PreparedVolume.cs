namespace Platform.NodeAgent.Volumes;

/// <summary>A pod volume ready on the node: the host path its mounts bind, and whether the volume itself is read-only.</summary>
public sealed record PreparedVolume(string HostPath, bool ReadOnly);
