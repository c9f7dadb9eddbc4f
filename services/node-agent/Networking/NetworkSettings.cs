using Platform.Networking;

namespace Platform.NodeAgent.Networking;

/// <summary>The node's pod network: PLATFORM_BRIDGE (platform0), PLATFORM_POD_CIDR (10.88.0.0/24) and PLATFORM_SERVICE_CIDR (10.96.0.0/16).</summary>
public sealed record NetworkSettings(bool Enabled, string Bridge, Ipv4Subnet Subnet, string Directory)
{
    public const string DefaultServiceRange = "10.96.0.0/16";

    /// <summary>The cluster IPs' range (PLATFORM_SERVICE_CIDR, as the gateway's): made local to the host through the bridge.</summary>
    public Ipv4Subnet ServiceRange { get; init; } = Ipv4Subnet.Parse(DefaultServiceRange);

    public const string DefaultBridge = "platform0";
    public const string DefaultSubnet = "10.88.0.0/24";

    /// <summary>Where a pod's sandbox record, hosts and resolv.conf live.</summary>
    public string PodDirectory(string uid) => Path.Combine(Directory, "pods", uid);

    /// <summary>The bind mount that keeps a pod's network namespace alive.</summary>
    public string NetnsPath(string uid) => Path.Combine(Directory, "netns", uid);

    public string AddressesDirectory => Path.Combine(Directory, "addresses");

    /// <summary>The host end of a pod's veth: "pv" and 12 hex digits of the uid, within the 15 characters a link name may have.</summary>
    public static string HostVethOf(string uid) => "pv" + uid.Replace("-", "", StringComparison.Ordinal)[..12];

    /// <summary>Networking needs the kernel runtime (root); the unisolated process launcher runs pods on the host's network.</summary>
    public static NetworkSettings From(IConfiguration configuration, NodeAgentSettings node)
    {
        var bridge = configuration["PLATFORM_BRIDGE"] ?? DefaultBridge;
        if (bridge.Length is 0 or > 15 || bridge.Any(c => c is '/' or ' ' or ':'))
        {
            throw new FormatException($"PLATFORM_BRIDGE \"{bridge}\" is not a valid link name (1-15 characters, no '/', ':' or spaces)");
        }

        return new NetworkSettings(
            node.ContainerRuntime == NodeAgentSettings.PlatformRuntime,
            bridge,
            Ipv4Subnet.Parse(configuration["PLATFORM_POD_CIDR"] ?? DefaultSubnet),
            Path.Combine(node.DataDirectory, "network"))
        {
            ServiceRange = Ipv4Subnet.Parse(configuration["PLATFORM_SERVICE_CIDR"] ?? DefaultServiceRange),
        };
    }
}
