namespace Platform.Grains;

public sealed class ControlPlaneOptions
{
    /// <summary>A node whose last heartbeat is older than this is NotReady.</summary>
    public TimeSpan NodeHeartbeatGracePeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The range cluster IPs of Services are allocated from (PLATFORM_SERVICE_CIDR).</summary>
    public string ServiceCidr { get; set; } = "10.96.0.0/16";
}
