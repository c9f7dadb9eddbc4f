using Platform.Runtime.State;

namespace Platform.Runtime.Lifecycle;

/// <summary>`state` and `list`: the recorded state with the status as it is now.</summary>
public static class ContainerQuery
{
    public static ContainerState State(StateStore store, string id) => Refresh(store, store.Load(id));

    public static IReadOnlyList<ContainerState> List(StateStore store) =>
        store.Ids().Select(id => Refresh(store, store.Load(id))).OrderBy(s => s.Created).ToList();

    private static ContainerState Refresh(StateStore store, ContainerState state)
    {
        state.Status = !ProcessInfo.IsAlive(state.Pid, state.PidStartTime) ? ContainerStatus.Stopped
            : File.Exists(store.ExecFifo(state.Id)) ? ContainerStatus.Created
            : ContainerStatus.Running;
        if (state.Status == ContainerStatus.Stopped)
        {
            state.Pid = 0;
        }

        return state;
    }
}
