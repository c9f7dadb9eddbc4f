namespace Platform.NodeAgent.Pods;

/// <summary>The kubelet's crash-loop back-off: 10 s, doubling per restart, at most five minutes.</summary>
public static class RestartBackoff
{
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan Maximum = TimeSpan.FromMinutes(5);

    public static TimeSpan Delay(int restartCount)
    {
        var doublings = Math.Min(restartCount, 10);
        var delay = TimeSpan.FromTicks(Initial.Ticks << doublings);
        return delay > Maximum ? Maximum : delay;
    }
}
