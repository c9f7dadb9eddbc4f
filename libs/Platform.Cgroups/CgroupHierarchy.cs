using Platform.Cgroups.V1;
using Platform.Cgroups.V2;

namespace Platform.Cgroups;

/// <summary>Which cgroup layout the host has: pure v2 (unified) or v1 controllers (the hybrid layout counts as v1).</summary>
public sealed class CgroupHierarchy(string mountRoot, bool unified)
{
    public bool IsUnified => unified;

    public string MountRoot => mountRoot;

    public static CgroupHierarchy Detect(string mountRoot = "/sys/fs/cgroup") =>
        new(mountRoot, File.Exists(Path.Combine(mountRoot, "cgroup.controllers")));

    public ICgroup For(string relativePath) =>
        unified ? new CgroupV2(mountRoot, relativePath) : new CgroupV1(mountRoot, relativePath);

    /// <summary>What the group at <paramref name="relativePath"/> has used; null when there is no such group.</summary>
    public CgroupStats? ReadStats(string relativePath) =>
        unified ? CgroupV2Stats.Read(mountRoot, relativePath) : CgroupV1Stats.Read(mountRoot, relativePath);
}
