using Platform.Api.Model;
using Platform.Api.Validation;

namespace Platform.Grains.Services;

/// <summary>
/// Kubernetes' endpoints rules as a pure function: the running, not-terminating pods with an address whose
/// labels match the selector; ready ones under addresses, the rest under notReadyAddresses; each service
/// port resolved against the pod (a named targetPort is looked up in its containers' ports, and a pod
/// without that name is left out of that port); pods with the same resolved ports share one subset.
/// </summary>
public static class EndpointsBuilder
{
    public static Endpoints Build(Service service, IEnumerable<Pod> pods)
    {
        var endpoints = new Endpoints
        {
            ApiVersion = "v1",
            Kind = Endpoints.KindName,
            Metadata = new ObjectMeta
            {
                Name = service.Metadata.Name,
                Namespace = service.Metadata.Namespace,
                Labels = service.Metadata.Labels is null ? null : new Dictionary<string, string>(service.Metadata.Labels),
            },
            Subsets = [],
        };

        if (service.Spec.Selector is not { Count: > 0 } selector)
        {
            return endpoints;
        }

        var groups = new Dictionary<string, (List<EndpointPort> Ports, List<EndpointAddress> Ready, List<EndpointAddress> NotReady)>();
        foreach (var pod in pods.Where(p => Selects(selector, p) && IsServing(p)).OrderBy(p => p.Status!.PodIP, StringComparer.Ordinal))
        {
            var ports = ResolvePorts(service, pod);
            // A headless service may have no ports: its pods are still its addresses (for DNS), as in Kubernetes.
            if (ports.Count == 0 && service.Spec.Ports is { Count: > 0 })
            {
                continue;
            }

            var key = string.Join(',', ports.Select(p => $"{p.Name}:{p.Port}"));
            if (!groups.TryGetValue(key, out var group))
            {
                group = (ports, [], []);
                groups[key] = group;
            }

            (IsReady(pod) ? group.Ready : group.NotReady).Add(Address(pod));
        }

        endpoints.Subsets = groups.Values.Select(g => new EndpointSubset
        {
            Addresses = g.Ready.Count > 0 ? g.Ready : null,
            NotReadyAddresses = g.NotReady.Count > 0 ? g.NotReady : null,
            Ports = g.Ports,
        }).ToList();
        return endpoints;
    }

    public static bool Selects(IReadOnlyDictionary<string, string> selector, Pod pod) =>
        selector.All(s => pod.Metadata.Labels?.TryGetValue(s.Key, out var value) == true && value == s.Value);

    /// <summary>A pod that could take traffic now or soon: it has an address, has not ended and is not being deleted.</summary>
    public static bool IsServing(Pod pod) =>
        pod.Status?.PodIP is { Length: > 0 }
        && pod.Metadata.DeletionTimestamp is null
        && !PodPhases.IsTerminal(pod.Status.Phase);

    public static bool IsReady(Pod pod) =>
        pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status == "True";

    /// <summary>The service's ports as this pod serves them; a named targetPort the pod lacks leaves that port out.</summary>
    public static List<EndpointPort> ResolvePorts(Service service, Pod pod)
    {
        var resolved = new List<EndpointPort>();
        foreach (var port in service.Spec.Ports ?? [])
        {
            var number = port.TargetPort switch
            {
                null => port.Port,
                { IntValue: { } value } => value,
                { StringValue: { } name } => NamedPort(pod, name),
                _ => (int?)null,
            };
            if (number is { } found)
            {
                resolved.Add(new EndpointPort { Name = port.Name, Port = found, Protocol = port.Protocol ?? PortProtocols.Tcp });
            }
        }

        return resolved;
    }

    private static int? NamedPort(Pod pod, string name)
    {
        if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        return pod.Spec.Containers.SelectMany(c => c.Ports ?? []).FirstOrDefault(p => p.Name == name)?.Number;
    }

    private static EndpointAddress Address(Pod pod) => new()
    {
        Ip = pod.Status!.PodIP,
        NodeName = pod.Spec.NodeName,
        TargetRef = new ObjectReference { Kind = Pod.KindName, Namespace = pod.Metadata.Namespace, Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
    };
}
