namespace Platform.Contracts;

/// <summary>The durable queues of the platform. Every queue a message is sent to by name is here.</summary>
public static class QueueNames
{
    /// <summary>The queue of one node's agent: StartPod and StopPod for that node.</summary>
    public static string Node(string nodeName) => $"node.{nodeName}";

    /// <summary>Pods to place, shared by every scheduler replica.</summary>
    public const string Scheduler = "scheduler.pods";

    public const string GatewayPodStatus = "api-gateway.pod-status";
    public const string GatewayNodeRegistration = "api-gateway.node-registration";
    public const string GatewayNodeHeartbeat = "api-gateway.node-heartbeat";
    public const string GatewayImagePulled = "api-gateway.image-pulled";

    /// <summary>Transient (not durable, auto-deleted): samples are worth nothing once a newer one exists.</summary>
    public const string GatewayMetrics = "api-gateway.metrics";
}
