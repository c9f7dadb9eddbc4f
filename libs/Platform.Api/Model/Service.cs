namespace Platform.Api.Model;

/// <summary>A Service (v1, ClusterIP): a stable address and port in front of the ready pods of a selector.</summary>
public sealed class Service : TypeMeta, IApiObject
{
    public const string KindName = "Service";

    public ObjectMeta Metadata { get; set; } = new();
    public ServiceSpec Spec { get; set; } = new();
    public ServiceStatus? Status { get; set; }
}

public sealed class ServiceSpec
{
    public Dictionary<string, string>? Selector { get; set; }
    public List<ServicePort>? Ports { get; set; }
    public string? Type { get; set; }

    /// <summary>Allocated from the service range at create when empty; "None" makes the service headless.</summary>
    public string? ClusterIP { get; set; }
    public List<string>? ClusterIPs { get; set; }
    public string? SessionAffinity { get; set; }
    public List<string>? IpFamilies { get; set; }
    public string? IpFamilyPolicy { get; set; }
    public string? InternalTrafficPolicy { get; set; }
}

public sealed class ServicePort
{
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public int Port { get; set; }

    /// <summary>A number, or the name of a container port of the selected pods; the port itself when absent.</summary>
    public IntOrString? TargetPort { get; set; }
    public string? AppProtocol { get; set; }
}

public sealed class ServiceStatus
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}

public sealed class LoadBalancerStatus
{
    public List<Dictionary<string, string>>? Ingress { get; set; }
}

/// <summary>The service types Kubernetes knows; only ClusterIP is served.</summary>
public static class ServiceTypes
{
    public const string ClusterIP = "ClusterIP";
    public const string Headless = "None";
}
