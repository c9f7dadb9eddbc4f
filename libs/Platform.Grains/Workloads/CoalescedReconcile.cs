namespace Platform.Grains.Workloads;

/// <summary>
/// Runs a controller grain's reconcile once, shortly after the first of a burst of changes (pod notices
/// arrive in bursts), instead of once per change.
/// </summary>
internal sealed class CoalescedReconcile(IGrainBase grain, Func<Task> reconcile)
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(50);
    private IGrainTimer? pending;

    public void Schedule() =>
        pending ??= grain.RegisterGrainTimer(async () =>
        {
            Cancel();
            await reconcile();
        }, new GrainTimerCreationOptions(Delay, Timeout.InfiniteTimeSpan));

    public void Cancel()
    {
        pending?.Dispose();
        pending = null;
    }
}
