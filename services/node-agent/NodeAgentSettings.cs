using System.Globalization;

namespace Platform.NodeAgent;

/// <summary>The agent's settings, read from PLATFORM_* environment variables.</summary>
public sealed record NodeAgentSettings(
    string NodeName,
    Uri ListenUrl,
    Uri RabbitMqUrl,
    string DataDirectory,
    TimeSpan HeartbeatInterval,
    string ContainerRuntime,
    string RuntimeBinary,
    string DefaultRegistry)
{
    public const string PlatformRuntime = "platform-runtime";
    public const string ProcessRuntime = "process";

    /// <summary>How many pods the node takes (PLATFORM_MAX_PODS; Kubernetes' kubelet default is 110).</summary>
    public int MaxPods { get; init; } = Node.NodeInfoProbe.MaxPods;

    /// <summary>How often pods' cgroups are sampled and shipped (PLATFORM_METRICS_INTERVAL_MS, 2000).</summary>
    public TimeSpan MetricsInterval { get; init; } = TimeSpan.FromSeconds(2);

    public string PodsDirectory => Path.Combine(DataDirectory, "pods");

    /// <summary>Pulled blobs and unpacked layers, shared by every container of the node.</summary>
    public string ImagesDirectory => Path.Combine(DataDirectory, "images");

    /// <summary>The container runtime's state root (its --root).</summary>
    public string RuntimeStateDirectory => Path.Combine(DataDirectory, "runtime");

    public static NodeAgentSettings From(IConfiguration configuration)
    {
        var home = configuration["PLATFORM_HOME"] ?? "/var/lib/platform";
        var nodeName = configuration["PLATFORM_NODE_NAME"] ?? Environment.MachineName.ToLowerInvariant();
        return new NodeAgentSettings(
            nodeName,
            new Uri(configuration["PLATFORM_NODE_AGENT_URL"] ?? "http://127.0.0.1:10250"),
            new Uri(configuration["PLATFORM_RABBITMQ_URL"] ?? "amqp://guest:guest@127.0.0.1:5672/"),
            Path.Combine(home, "nodes", nodeName),
            TimeSpan.FromMilliseconds(int.Parse(configuration["PLATFORM_HEARTBEAT_MS"] ?? "2000", CultureInfo.InvariantCulture)),
            configuration["PLATFORM_CONTAINER_RUNTIME"] ?? PlatformRuntime,
            configuration["PLATFORM_RUNTIME_BIN"] ?? "/usr/local/bin/platform-runtime",
            new Uri(configuration["PLATFORM_IMAGE_STORE_URL"] ?? "http://127.0.0.1:5000").Authority)
        {
            MaxPods = int.Parse(configuration["PLATFORM_MAX_PODS"] ?? Node.NodeInfoProbe.MaxPods.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
            MetricsInterval = TimeSpan.FromMilliseconds(int.Parse(configuration["PLATFORM_METRICS_INTERVAL_MS"] ?? "2000", CultureInfo.InvariantCulture)),
        };
    }
}
