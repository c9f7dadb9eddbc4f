namespace Platform.Api.Model;

/// <summary>Endpoints (v1): the addresses behind a Service, written by its controller (same name as the Service).</summary>
public sealed class Endpoints : TypeMeta, IApiObject
{
    public const string KindName = "Endpoints";

    public ObjectMeta Metadata { get; set; } = new();
    public List<EndpointSubset>? Subsets { get; set; }
}

/// <summary>Addresses that share one set of ports.</summary>
public sealed class EndpointSubset
{
    public List<EndpointAddress>? Addresses { get; set; }
    public List<EndpointAddress>? NotReadyAddresses { get; set; }
    public List<EndpointPort>? Ports { get; set; }
}

public sealed class EndpointAddress
{
    public string? Ip { get; set; }
    public string? NodeName { get; set; }
    public ObjectReference? TargetRef { get; set; }
}

public sealed class EndpointPort
{
    public string? Name { get; set; }
    public int Port { get; set; }
    public string? Protocol { get; set; }
}
