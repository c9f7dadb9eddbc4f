using Platform.Cgroups;
using Platform.Runtime.Linux;
using Platform.Runtime.State;

namespace Platform.Runtime.Lifecycle;

/// <summary>`delete`: removes a stopped container (with force, kills it first): its cgroup and its state.</summary>
public static class ContainerDelete
{
    public static void Delete(StateStore store, string id, bool force)
    {
        var state = ContainerQuery.State(store, id);
        if (state.Status != ContainerStatus.Stopped)
        {
            if (!force)
            {
                throw new RuntimeException($"cannot delete container \"{id}\" that is {state.Status}; stop it or use --force");
            }

            Libc.kill(state.Pid, 9);
        }

        CgroupHierarchy.Detect().For(state.CgroupPath).Destroy();
        store.Remove(id);
    }
}
