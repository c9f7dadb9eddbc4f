using Platform.Api.Model;

namespace Platform.Api.Validation;

/// <summary>Checks requests and limits: known names, well-formed, not negative, not absurd, requests ≤ limits.</summary>
public static class ResourceValidator
{
    /// <summary>Larger than any machine this platform will meet: 10,000 cores.</summary>
    public const decimal MaxCpuCores = 10_000m;

    /// <summary>Larger than any machine this platform will meet: 1 PiB.</summary>
    public const decimal MaxBytes = 1L << 50;

    public const string QuantityProblem = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

    private static readonly string[] Supported = [ResourceNames.Cpu, ResourceNames.Memory, ResourceNames.EphemeralStorage];

    public static IEnumerable<FieldError> Validate(ResourceRequirements? resources, string path)
    {
        if (resources is null)
        {
            return [];
        }

        var errors = new List<FieldError>();
        var requests = CheckList(resources.Requests, $"{path}.requests", errors);
        var limits = CheckList(resources.Limits, $"{path}.limits", errors);
        foreach (var (name, request) in requests)
        {
            if (limits.TryGetValue(name, out var limit) && request > limit)
            {
                errors.Add(FieldError.Invalid($"{path}.requests[{name}]", resources.Requests![name], $"must be less than or equal to {name} limit of {resources.Limits![name]}"));
            }
        }

        return errors;
    }

    private static Dictionary<string, decimal> CheckList(Dictionary<string, string>? list, string path, List<FieldError> errors)
    {
        var parsed = new Dictionary<string, decimal>();
        foreach (var (name, text) in list ?? [])
        {
            var field = $"{path}[{name}]";
            if (!Supported.Contains(name) && !name.Contains('/'))
            {
                errors.Add(FieldError.NotSupported(field, name, Supported));
            }
            else if (!Quantity.TryParse(text, out var value))
            {
                errors.Add(FieldError.Invalid(field, text, QuantityProblem));
            }
            else if (value < 0)
            {
                errors.Add(FieldError.Invalid(field, text, "must be greater than or equal to 0"));
            }
            else if (Maximum(name) is { } max && value > max)
            {
                errors.Add(FieldError.Invalid(field, text, $"must be less than or equal to {Describe(name, max)}"));
            }
            else
            {
                parsed[name] = value;
            }
        }

        return parsed;
    }

    private static decimal? Maximum(string name) => name switch
    {
        ResourceNames.Cpu => MaxCpuCores,
        ResourceNames.Memory or ResourceNames.EphemeralStorage => MaxBytes,
        _ => null,
    };

    private static string Describe(string name, decimal max) =>
        name == ResourceNames.Cpu ? $"{max} cores" : "1Pi";
}
