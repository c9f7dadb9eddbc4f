namespace Platform.Cgroups;

/// <summary>One container's control group, on whichever hierarchy the host has.</summary>
public interface ICgroup
{
    /// <summary>The path relative to the hierarchy root, e.g. "platform/abc".</summary>
    string RelativePath { get; }

    void Create();

    void Apply(CgroupResources resources);

    void AddProcess(int pid);

    /// <summary>The processes in the group now.</summary>
    IReadOnlyList<int> Processes();

    /// <summary>How many times the kernel's OOM killer killed a process in this group.</summary>
    long OomKillCount();

    /// <summary>Kills what is left in the group and removes it. Idempotent.</summary>
    void Destroy();
}
