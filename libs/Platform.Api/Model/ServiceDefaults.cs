namespace Platform.Api.Model;

/// <summary>The defaults the API server fills into Services on create and update, as Kubernetes does.</summary>
public static class ServiceDefaults
{
    public static void Apply(Service service, string @namespace)
    {
        service.ApiVersion = "v1";
        service.Kind = Service.KindName;
        service.Metadata.Namespace = @namespace;
        var spec = service.Spec;
        spec.Type ??= ServiceTypes.ClusterIP;
        spec.SessionAffinity ??= "None";
        spec.InternalTrafficPolicy ??= "Cluster";
        foreach (var port in spec.Ports ?? [])
        {
            port.Protocol ??= PortProtocols.Tcp;
            if (port.Port > 0)
            {
                port.TargetPort ??= IntOrString.FromInt(port.Port);
            }
        }
    }
}
