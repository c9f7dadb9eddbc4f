namespace Platform.Contracts;

/// <summary>The durable queues of the platform. Every queue a message is sent to by name is here.</summary>
public static class QueueNames
{
    /// <summary>The queue of one node's agent: StartPod and StopPod for that node.</summary>
    public static string Node(string nodeName) => $"node.{nodeName}";

    /// <summary>
    /// A node agent's view of the Services: <see cref="ServiceRoutingChanged"/> and <see cref="ServiceRoutingSnapshot"/>
    /// (published, and snapshots sent to it by name). Durable; its messages live an hour
    /// (<see cref="ServiceRoutingTimeToLive"/>), so the queue of a node that never returns does not grow
    /// without bound, and an agent asks for a snapshot when it starts anyway.
    /// </summary>
    public static string NodeServices(string nodeName) => $"node.{nodeName}.services";

    /// <summary>How long a Service routing message waits in a node's services queue.</summary>
    public static readonly TimeSpan ServiceRoutingTimeToLive = TimeSpan.FromHours(1);

    /// <summary>Pods to place, shared by every scheduler replica.</summary>
    public const string Scheduler = "scheduler.pods";

    public const string GatewayPodStatus = "api-gateway.pod-status";
    public const string GatewayNodeRegistration = "api-gateway.node-registration";
    public const string GatewayNodeHeartbeat = "api-gateway.node-heartbeat";
    public const string GatewayImagePulled = "api-gateway.image-pulled";

    /// <summary>Node agents' requests for a snapshot of every Service (competing consumers: one gateway answers).</summary>
    public const string GatewayServiceRouting = "api-gateway.service-routing";

    /// <summary>Transient (not durable, auto-deleted): samples are worth nothing once a newer one exists.</summary>
    public const string GatewayMetrics = "api-gateway.metrics";
}
