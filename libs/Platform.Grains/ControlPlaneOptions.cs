namespace Platform.Grains;

public sealed class ControlPlaneOptions
{
    /// <summary>A node whose last heartbeat is older than this is NotReady.</summary>
    public TimeSpan NodeHeartbeatGracePeriod { get; set; } = TimeSpan.FromSeconds(10);
}
