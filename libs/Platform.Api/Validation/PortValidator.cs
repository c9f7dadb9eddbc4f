using System.Net;
using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Validates <c>containers[].ports[]</c> as Kubernetes does, plus this platform's limit: host ports are TCP.</summary>
public static class PortValidator
{
    public static IEnumerable<FieldError> ValidateContainer(IReadOnlyList<ContainerPort>? ports, string path, bool hostNetwork)
    {
        var names = new HashSet<string>();
        for (var i = 0; i < (ports?.Count ?? 0); i++)
        {
            foreach (var error in ValidatePort(ports![i], $"{path}.ports[{i}]", names, hostNetwork))
            {
                yield return error;
            }
        }
    }

    /// <summary>Two ports of a pod may not publish the same host port, protocol and address.</summary>
    public static IEnumerable<FieldError> ValidateHostPorts(PodSpec spec)
    {
        var taken = new HashSet<(int, string, string)>();
        for (var c = 0; c < spec.Containers.Count; c++)
        {
            var ports = spec.Containers[c].Ports ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                if (ports[p].HostPort is > 0 and var hostPort
                    && !taken.Add((hostPort, ports[p].Protocol ?? PortProtocols.Tcp, ports[p].HostIP ?? "")))
                {
                    yield return FieldError.Duplicate($"spec.containers[{c}].ports[{p}].hostPort", $"{ports[p].Protocol ?? PortProtocols.Tcp}/{hostPort}");
                }
            }
        }
    }

    private static IEnumerable<FieldError> ValidatePort(ContainerPort port, string path, HashSet<string> names, bool hostNetwork)
    {
        if (port.Name is { } name)
        {
            if (CheckPortName(name) is { } problem)
            {
                yield return FieldError.Invalid($"{path}.name", name, problem);
            }
            else if (!names.Add(name))
            {
                yield return FieldError.Duplicate($"{path}.name", name);
            }
        }

        if (port.Number is < 1 or > 65535)
        {
            yield return FieldError.Invalid($"{path}.containerPort", port.Number.ToString(), "must be between 1 and 65535, inclusive");
        }

        if (port.HostPort is < 0 or > 65535)
        {
            yield return FieldError.Invalid($"{path}.hostPort", port.HostPort.ToString(), "must be between 1 and 65535, inclusive");
        }

        if (port.Protocol is { } protocol && !PortProtocols.All.Contains(protocol))
        {
            yield return FieldError.NotSupported($"{path}.protocol", protocol, PortProtocols.All);
        }
        else if (port.HostPort is > 0 && !hostNetwork && (port.Protocol ?? PortProtocols.Tcp) != PortProtocols.Tcp)
        {
            yield return FieldError.NotSupported($"{path}.protocol", port.Protocol, [PortProtocols.Tcp]);
        }

        if (port.HostIP is { } hostIp && !IPAddress.TryParse(hostIp, out _))
        {
            yield return FieldError.Invalid($"{path}.hostIP", hostIp, "must be a valid IP address");
        }

        if (hostNetwork && port.HostPort is > 0 && port.HostPort != port.Number)
        {
            yield return FieldError.Invalid($"{path}.hostPort", port.HostPort.ToString(), "must match `containerPort` when `hostNetwork` is true");
        }
    }

    /// <summary>IANA_SVC_NAME: at most 15 lower-case letters, digits and single hyphens, with at least one letter.</summary>
    public static string? CheckPortName(string name)
    {
        if (name.Length is 0 or > 15)
        {
            return "must be no more than 15 characters";
        }

        if (!name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') || name.StartsWith('-') || name.EndsWith('-') || name.Contains("--"))
        {
            return "must contain only lower-case alphanumeric characters or '-', start and end with an alphanumeric character, and not contain '--'";
        }

        return name.Any(char.IsLetter) ? null : "must contain at least one letter (a-z)";
    }
}
