using System.Globalization;
using System.Net;
using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Validates Services (v1, ClusterIP) as the Kubernetes API server does for the fields served here.</summary>
public static class ServiceValidator
{
    public static IReadOnlyList<FieldError> ValidateCreate(Service service)
    {
        var errors = new List<FieldError>();
        errors.AddRange(MetadataValidator.Validate(service.Metadata, namespaced: true));
        if (service.Metadata.Name is { Length: > 0 } name && CheckDns1035(name) is { } problem)
        {
            errors.Add(FieldError.Invalid("metadata.name", name, problem));
        }

        errors.AddRange(ValidateSpec(service.Spec));
        return errors;
    }

    /// <summary>The cluster IP is the service's address for its whole life (422 on change, as Kubernetes).</summary>
    public static IEnumerable<FieldError> ValidateUpdate(Service updated, Service existing)
    {
        foreach (var error in ValidateSpec(updated.Spec))
        {
            yield return error;
        }

        if (updated.Spec.ClusterIP is { Length: > 0 } ip && ip != existing.Spec.ClusterIP)
        {
            yield return FieldError.Invalid("spec.clusterIP", ip, "field is immutable");
        }
    }

    private static IEnumerable<FieldError> ValidateSpec(ServiceSpec spec)
    {
        if (spec.Type is { } type && type != ServiceTypes.ClusterIP)
        {
            yield return FieldError.NotSupported("spec.type", type, [ServiceTypes.ClusterIP]);
        }

        if (spec.ClusterIP is { Length: > 0 } ip && ip != ServiceTypes.Headless
            && (!IPAddress.TryParse(ip, out var address) || address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork))
        {
            yield return FieldError.Invalid("spec.clusterIP", ip, "must be a valid IPv4 address or \"None\"");
        }

        if (spec.SessionAffinity is { } affinity && affinity is not ("None" or "ClientIP"))
        {
            yield return FieldError.NotSupported("spec.sessionAffinity", affinity, ["ClientIP", "None"]);
        }

        foreach (var error in MetadataValidator.ValidateLabels(spec.Selector, "spec.selector"))
        {
            yield return error;
        }

        foreach (var error in ValidatePorts(spec.Ports ?? [], spec.ClusterIP == ServiceTypes.Headless))
        {
            yield return error;
        }
    }

    private static IEnumerable<FieldError> ValidatePorts(List<ServicePort> ports, bool headless)
    {
        if (ports.Count == 0 && !headless)
        {
            yield return FieldError.Required("spec.ports");
        }

        var names = new HashSet<string>();
        var numbers = new HashSet<(int, string)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var path = $"spec.ports[{i}]";
            var port = ports[i];
            if (ports.Count > 1 && string.IsNullOrEmpty(port.Name))
            {
                yield return FieldError.Required($"{path}.name");
            }
            else if (port.Name is { Length: > 0 } name)
            {
                if (Names.CheckLabel(name) is { } problem)
                {
                    yield return FieldError.Invalid($"{path}.name", name, problem);
                }
                else if (!names.Add(name))
                {
                    yield return FieldError.Duplicate($"{path}.name", name);
                }
            }

            if (port.Port is < 1 or > 65535)
            {
                yield return FieldError.Invalid($"{path}.port", port.Port.ToString(CultureInfo.InvariantCulture), "must be between 1 and 65535, inclusive");
            }

            var protocol = port.Protocol ?? PortProtocols.Tcp;
            if (protocol != PortProtocols.Tcp)
            {
                yield return FieldError.NotSupported($"{path}.protocol", protocol, [PortProtocols.Tcp]);
            }
            else if (!numbers.Add((port.Port, protocol)))
            {
                yield return FieldError.Duplicate(path, $"{port.Port}/{protocol}");
            }

            if (ValidateTargetPort(port.TargetPort) is { } targetProblem)
            {
                yield return FieldError.Invalid($"{path}.targetPort", port.TargetPort?.ToString(), targetProblem);
            }
        }
    }

    private static string? ValidateTargetPort(IntOrString? target) => target switch
    {
        null => null,
        { IntValue: { } number } => number is < 1 or > 65535 ? "must be between 1 and 65535, inclusive" : null,
        { StringValue: { } name } => PortValidator.CheckPortName(name),
        _ => null,
    };

    /// <summary>DNS-1035 label: a service name is a DNS name, so it must start with a letter.</summary>
    private static string? CheckDns1035(string name) =>
        name.Length > 63 || name[0] is < 'a' or > 'z' || Names.CheckLabel(name) is not null
            ? "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')"
            : null;
}
