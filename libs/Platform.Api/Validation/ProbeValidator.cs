using System.Globalization;
using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Validates containers[].readinessProbe and livenessProbe as the Kubernetes API server does.</summary>
public static class ProbeValidator
{
    public static IEnumerable<FieldError> ValidateContainer(Container container, string path) =>
        Validate(container.ReadinessProbe, $"{path}.readinessProbe", liveness: false)
            .Concat(Validate(container.LivenessProbe, $"{path}.livenessProbe", liveness: true));

    public static IEnumerable<FieldError> Validate(Probe? probe, string path, bool liveness)
    {
        if (probe is null)
        {
            yield break;
        }

        var handlers = new object?[] { probe.Exec, probe.HttpGet, probe.TcpSocket }.Count(h => h is not null);
        if (handlers == 0)
        {
            yield return FieldError.Required(path, "must specify a handler type");
        }
        else if (handlers > 1)
        {
            yield return FieldError.Forbidden(path, "may not specify more than 1 handler type");
        }

        foreach (var error in ValidateHandler(probe, path))
        {
            yield return error;
        }

        foreach (var (value, field, minimum) in new[]
        {
            (probe.InitialDelaySeconds, "initialDelaySeconds", 0),
            (probe.PeriodSeconds, "periodSeconds", 1),
            (probe.TimeoutSeconds, "timeoutSeconds", 1),
            (probe.SuccessThreshold, "successThreshold", 1),
            (probe.FailureThreshold, "failureThreshold", 1),
        })
        {
            if (value < minimum)
            {
                yield return FieldError.Invalid($"{path}.{field}", value?.ToString(CultureInfo.InvariantCulture), $"must be greater than or equal to {minimum}");
            }
        }

        if (liveness && probe.SuccessThreshold is > 1)
        {
            yield return FieldError.Invalid($"{path}.successThreshold", probe.SuccessThreshold?.ToString(CultureInfo.InvariantCulture), "must be 1");
        }
    }

    private static IEnumerable<FieldError> ValidateHandler(Probe probe, string path)
    {
        if (probe.Exec is { } exec && exec.Command is not { Count: > 0 })
        {
            yield return FieldError.Required($"{path}.exec.command");
        }

        if (probe.HttpGet is { } http)
        {
            if (CheckPort(http.Port) is { } problem)
            {
                yield return FieldError.Invalid($"{path}.httpGet.port", http.Port?.ToString(), problem);
            }

            if (http.Scheme is { } scheme && scheme is not ("HTTP" or "HTTPS"))
            {
                yield return FieldError.NotSupported($"{path}.httpGet.scheme", scheme, ["HTTP", "HTTPS"]);
            }

            if (http.Path is { Length: > 0 } probePath && !probePath.StartsWith('/'))
            {
                yield return FieldError.Invalid($"{path}.httpGet.path", probePath, "must be an absolute path");
            }
        }

        if (probe.TcpSocket is { } tcp && CheckPort(tcp.Port) is { } tcpProblem)
        {
            yield return FieldError.Invalid($"{path}.tcpSocket.port", tcp.Port?.ToString(), tcpProblem);
        }
    }

    private static string? CheckPort(IntOrString? port) => port switch
    {
        null => "must be a port number or name",
        { IntValue: { } number } => number is < 1 or > 65535 ? "must be between 1 and 65535, inclusive" : null,
        { StringValue: { } name } => PortValidator.CheckPortName(name),
        _ => null,
    };
}
