using Platform.Api.Model;

namespace Platform.Api.Validation;

public static class MetadataValidator
{
    private const int MaxAnnotationsBytes = 256 * 1024;

    /// <summary>Checks a name, namespace, labels and annotations of a submitted object.</summary>
    public static IEnumerable<FieldError> Validate(ObjectMeta metadata, bool namespaced)
    {
        if (string.IsNullOrEmpty(metadata.Name))
        {
            yield return FieldError.Required("metadata.name");
        }
        else if (Names.CheckSubdomain(metadata.Name) is { } problem)
        {
            yield return FieldError.Invalid("metadata.name", metadata.Name, problem);
        }

        if (namespaced && metadata.Namespace is { } ns && Names.CheckLabel(ns) is { } nsProblem)
        {
            yield return FieldError.Invalid("metadata.namespace", ns, nsProblem);
        }

        foreach (var error in ValidateLabels(metadata.Labels, "metadata.labels"))
        {
            yield return error;
        }

        foreach (var key in metadata.Annotations?.Keys ?? Enumerable.Empty<string>())
        {
            if (Names.CheckQualifiedName(key) is { } keyProblem)
            {
                yield return FieldError.Invalid("metadata.annotations", key, keyProblem);
            }
        }

        var annotationBytes = metadata.Annotations?.Sum(a => a.Key.Length + a.Value.Length) ?? 0;
        if (annotationBytes > MaxAnnotationsBytes)
        {
            yield return new FieldError("metadata.annotations", "FieldValueTooLong", $"Too long: must have at most {MaxAnnotationsBytes} bytes");
        }
    }

    /// <summary>Checks label keys and values, reporting them under <paramref name="path"/>.</summary>
    public static IEnumerable<FieldError> ValidateLabels(Dictionary<string, string>? labels, string path)
    {
        foreach (var (key, value) in labels ?? [])
        {
            if (Names.CheckQualifiedName(key) is { } keyProblem)
            {
                yield return FieldError.Invalid(path, key, keyProblem);
            }
            else if (Names.CheckLabelValue(value) is { } valueProblem)
            {
                yield return FieldError.Invalid($"{path}[{key}]", value, valueProblem);
            }
        }
    }
}
