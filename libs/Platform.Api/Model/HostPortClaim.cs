namespace Platform.Api.Model;

/// <summary>
/// A host port a pod holds on its node: address, protocol and port. A port without hostIP is published by the node
/// agent on 127.0.0.1 (<see cref="DefaultHostIP"/>), so that is its address here too; a host-network pod listens on
/// every address unless it names one. 0.0.0.0 (or ::) overlaps every address, as in Kubernetes' NodePorts filter.
/// </summary>
public sealed record HostPortClaim(string HostIP, string Protocol, int Port)
{
    public const string DefaultHostIP = "127.0.0.1";
    private const string AnyIPv4 = "0.0.0.0";
    private const string AnyIPv6 = "::";

    /// <summary>The host ports the pod's containers ask for (a host-network pod's ports are host ports themselves).</summary>
    public static IReadOnlyList<HostPortClaim> Of(PodSpec spec)
    {
        var hostNetwork = spec.HostNetwork == true;
        return spec.Containers
            .SelectMany(c => c.Ports ?? [])
            .Select(p => (Port: p, HostPort: p.HostPort is > 0 ? p.HostPort.Value : hostNetwork ? p.Number : 0))
            .Where(p => p.HostPort > 0)
            .Select(p => new HostPortClaim(
                p.Port.HostIP is { Length: > 0 } ip ? ip : hostNetwork ? AnyIPv4 : DefaultHostIP,
                p.Port.Protocol ?? PortProtocols.Tcp,
                p.HostPort))
            .Distinct()
            .ToList();
    }

    public bool ConflictsWith(HostPortClaim other) =>
        Port == other.Port && Protocol == other.Protocol && (HostIP == other.HostIP || IsAny(HostIP) || IsAny(other.HostIP));

    public override string ToString() => $"{HostIP}:{Port}/{Protocol}";

    private static bool IsAny(string ip) => ip is AnyIPv4 or AnyIPv6;
}
