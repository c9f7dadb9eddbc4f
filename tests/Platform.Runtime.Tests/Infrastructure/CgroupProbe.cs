namespace Platform.Runtime.Tests.Infrastructure;

/// <summary>Looks at the host's cgroup files for a container, on v1 or v2.</summary>
public static class CgroupProbe
{
    public static bool IsUnified => File.Exists("/sys/fs/cgroup/cgroup.controllers");

    public static string File_(string controller, string relativePath, string v1File, string v2File) =>
        IsUnified ? Path.Combine("/sys/fs/cgroup", relativePath, v2File) : Path.Combine("/sys/fs/cgroup", controller, relativePath, v1File);

    public static bool Exists(string relativePath) =>
        Directory.Exists(IsUnified ? Path.Combine("/sys/fs/cgroup", relativePath) : Path.Combine("/sys/fs/cgroup", "memory", relativePath));
}
